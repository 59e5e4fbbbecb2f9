package org.sejour.interfaces.site.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sejour.application.prearrival.GuestPreArrival;
import org.sejour.application.prearrival.PreArrivalService;
import org.sejour.domain.model.prearrival.PreArrivalForm;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.NotFoundException;
import org.sejour.domain.model.shared.SejourException;
import org.sejour.interfaces.backoffice.web.Faces;

import java.text.Collator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Before your arrival" on the guest's booking page (/booking/{token}#pre-arrival): when they
 * arrive, who comes, the car, remarks, and the police form's fields for foreign guests of 15 and
 * over. Request-scoped like the page, its form posting the token back (the view is transient, no
 * HTTP session). Every field is read as text here and checked by the form itself, so that each
 * problem shows next to its field, in the guest's language, and nothing is written until all is right.
 */
@Named
@RequestScoped
public class PreArrivalPage {

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    @EJB
    PreArrivalService service;
    @Inject
    SiteLanguage siteLanguage;

    private Optional<GuestPreArrival> shown;
    private String arrivalTime;
    private String carPlate;
    private String remarks;
    private List<PersonRow> rows;
    private final Map<String, String> errors = new HashMap<>();
    private String savedParam;

    /** One person's fields, as typed. */
    public static class PersonRow {
        private String firstName;
        private String lastName;
        private String age;
        private String nationality;
        private String birthDate;
        private String birthPlace;
        private String homeAddress;
        private String phone;
        private String email;

        static PersonRow of(PreArrivalForm.Person p) {
            PersonRow row = new PersonRow();
            if (p != null) {
                row.firstName = p.firstName();
                row.lastName = p.lastName();
                row.age = p.age() == null ? null : p.age().toString();
                row.nationality = p.nationality();
                row.birthDate = p.birthDate() == null ? null : p.birthDate().toString();
                row.birthPlace = p.birthPlace();
                row.homeAddress = p.homeAddress();
                row.phone = p.phone();
                row.email = p.email();
            }
            return row;
        }

        boolean blank() {
            return isBlank(firstName) && isBlank(lastName) && isBlank(age) && isBlank(birthDate)
                    && isBlank(birthPlace) && isBlank(homeAddress) && isBlank(phone) && isBlank(email);
        }

        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { lastName = v; }
        public String getAge() { return age; }
        public void setAge(String v) { age = v; }
        public String getNationality() { return nationality; }
        public void setNationality(String v) { nationality = v; }
        public String getBirthDate() { return birthDate; }
        public void setBirthDate(String v) { birthDate = v; }
        public String getBirthPlace() { return birthPlace; }
        public void setBirthPlace(String v) { birthPlace = v; }
        public String getHomeAddress() { return homeAddress; }
        public void setHomeAddress(String v) { homeAddress = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
    }

    /** The token of the page, or of the postback (a plain parameter of the form). */
    private static String token() {
        String token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        return token != null && token.matches(TOKEN) ? token : null;
    }

    /** The form for this token, read once a request; empty for an unknown token and a cancelled dossier. */
    private Optional<GuestPreArrival> form() {
        if (shown == null) {
            String token = token();
            shown = token == null ? Optional.empty() : service.guestForm(token);
            shown.ifPresent(this::fill);
        }
        return shown;
    }

    private void fill(GuestPreArrival form) {
        PreArrivalForm.Answers answers = form.answers().orElseGet(() -> new PreArrivalForm.Answers(null,
                List.of(form.guest()), null, null));
        arrivalTime = answers.arrivalTime() == null ? null : answers.arrivalTime().toString();
        carPlate = answers.carPlate();
        remarks = answers.remarks();
        rows = new ArrayList<>();
        for (int i = 0; i < form.partySize(); i++) {
            rows.add(PersonRow.of(i < answers.persons().size() ? answers.persons().get(i) : null));
        }
    }

    /** Sends the form; back to the page with a thank-you, or the same page with each problem next to its field. */
    public void save() {
        String token = token();
        if (token == null || form().isEmpty()) {
            Faces.notFound();
            return;
        }
        errors.clear();
        LocalTime time = parse("arrivalTime", arrivalTime, LocalTime::parse);
        List<PreArrivalForm.Person> persons = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PersonRow row = rows.get(i);
            if (row.blank()) {
                persons.add(null);
                continue;
            }
            String at = "person." + i + ".";
            Integer age = parse(at + "age", row.age, text -> Integer.valueOf(text.strip()));
            LocalDate born = parse(at + "birthDate", row.birthDate, LocalDate::parse);
            persons.add(new PreArrivalForm.Person(row.firstName, row.lastName, age, row.nationality, born,
                    row.birthPlace, row.homeAddress, row.phone, row.email));
        }
        PreArrivalForm.Answers answers = new PreArrivalForm.Answers(time, persons, carPlate, remarks);
        GuestPreArrival frame = form().get();
        // what the form refuses is shown with what could not be read, all at once
        for (InvalidInputException.Violation v : PreArrivalForm.check(answers, new PreArrivalForm.Frame(
                frame.partySize(), frame.stay().arrival(), frame.arrivalFrom(), frame.arrivalUntil()))) {
            errors.putIfAbsent(v.field(), text(v.messageKey()));
        }
        if (!errors.isEmpty()) {
            SiteTexts.error(null, "prearrival.error.summary");
            return;
        }
        try {
            service.submit(token, answers);
            Faces.redirect("/booking/" + token + "?lang=" + siteLanguage.getLanguage().code()
                    + "&preArrival=saved#pre-arrival");
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), text(v.messageKey())));
            SiteTexts.error(null, "prearrival.error.summary");
        } catch (NotFoundException e) {
            Faces.notFound();
        } catch (SejourException e) {
            SiteTexts.error(null, e.messageKey());
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private <T> T parse(String field, String text, Parser<T> parser) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return parser.parse(text.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            errors.put(field, text("prearrival.error." + field.substring(field.lastIndexOf('.') + 1)));
            return null;
        }
    }

    private String text(String key) {
        return SiteTexts.text(key, hour(form().flatMap(GuestPreArrival::arrivalFrom)),
                hour(form().flatMap(GuestPreArrival::arrivalUntil)));
    }

    private static String hour(Optional<LocalTime> time) {
        return time.map(t -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(SiteTexts.locale())
                .format(t)).orElse("");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Shown for a dossier that is not cancelled. */
    public boolean isShown() { return form().isPresent(); }
    public boolean isEditable() { return form().map(GuestPreArrival::editable).orElse(false); }
    public boolean isSent() { return form().flatMap(GuestPreArrival::answers).isPresent(); }
    public boolean isJustSaved() { return "saved".equals(savedParam) && isSent(); }

    /** "Between 4:00 PM and 7:00 PM", or nothing when the owner set no arrival hours. */
    public String getHoursHint() {
        Optional<LocalTime> from = form().flatMap(GuestPreArrival::arrivalFrom);
        Optional<LocalTime> until = form().flatMap(GuestPreArrival::arrivalUntil);
        if (from.isEmpty() && until.isEmpty()) {
            return "";
        }
        return SiteTexts.text(from.isPresent() && until.isPresent() ? "prearrival.hours"
                : from.isPresent() ? "prearrival.hours.from" : "prearrival.hours.until", hour(from), hour(until));
    }

    public String getMinTime() { return form().flatMap(GuestPreArrival::arrivalFrom).map(LocalTime::toString).orElse(null); }
    public String getMaxTime() { return form().flatMap(GuestPreArrival::arrivalUntil).map(LocalTime::toString).orElse(null); }

    public String getIntro() {
        return form().map(f -> SiteTexts.text(f.editable() ? "prearrival.intro" : "prearrival.closedIntro",
                f.partySize(), SiteTexts.shortDate(f.stay().arrival()))).orElse("");
    }

    /** "Sent on 20 Apr 2027" once sent. */
    public String getSentText() {
        return form().flatMap(GuestPreArrival::updatedAt).map(at -> SiteTexts.text("prearrival.sentOn",
                SiteTexts.shortDate(at.atZone(org.sejour.application.booking.BusinessCalendar.ZONE).toLocalDate())))
                .orElse("");
    }

    /** A child under 15 as last typed or sent: their police fields stay folded (they go on an adult's form). */
    public boolean child(PersonRow row) {
        try {
            return row.age != null && Integer.parseInt(row.age.strip()) < 15;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The problem of one field ("person.2.lastName"), in the guest's language, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** The countries, by their name in the guest's language, France first (most guests). */
    public List<SelectItem> getCountries() {
        Locale locale = SiteTexts.locale();
        Collator collator = Collator.getInstance(locale);
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("", SiteTexts.text("prearrival.nationality.choose")));
        items.add(new SelectItem("FR", new Locale("", "FR").getDisplayCountry(locale)));
        java.util.Arrays.stream(Locale.getISOCountries()).filter(c -> !c.equals("FR"))
                .map(c -> new SelectItem(c, new Locale("", c).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator)).forEach(items::add);
        return items;
    }

    /** A country's name in the guest's language, for the read-only view. */
    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(SiteTexts.locale());
    }

    public String date(String isoDate) {
        return isBlank(isoDate) ? "" : SiteTexts.shortDate(LocalDate.parse(isoDate));
    }

    public List<PersonRow> getRows() { form(); return rows == null ? List.of() : rows; }
    public String getArrivalTime() { form(); return arrivalTime; }
    public void setArrivalTime(String v) { arrivalTime = v; }
    public String getCarPlate() { form(); return carPlate; }
    public void setCarPlate(String v) { carPlate = v; }
    public String getRemarks() { form(); return remarks; }
    public void setRemarks(String v) { remarks = v; }
    public String getSavedParam() { return savedParam; }
    public void setSavedParam(String v) { savedParam = v; }
    public int getNameMax() { return PreArrivalForm.NAME_MAX; }
}
