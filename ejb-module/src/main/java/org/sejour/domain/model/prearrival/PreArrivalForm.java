package org.sejour.domain.model.prearrival;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sejour.domain.model.shared.InvalidInputException;
import org.sejour.domain.model.shared.InvalidInputException.Violation;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a guest tells the owner before arriving: the time they expect to arrive, who comes (names
 * and ages: kept for a later tourist-tax step, which this form does not change), the car and
 * remarks; and, for each guest of foreign nationality aged 15 or over, the individual police
 * form's fields that French law asks of hosts (CESEDA R814-1 to R814-3), no more. One per
 * dossier; the guest rewrites it whole, and a form with any wrong field is refused whole.
 */
@Entity
@Table(name = "pre_arrival_form")
public class PreArrivalForm implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int NAME_MAX = 100;
    public static final int CAR_PLATE_MAX = 20;
    public static final int REMARKS_MAX = 1000;
    public static final int BIRTH_PLACE_MAX = 100;
    public static final int ADDRESS_MAX = 300;
    public static final int PHONE_MAX = 30;
    public static final int EMAIL_MAX = 254;
    public static final int AGE_MAX = 120;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");
    /** control characters have no place in a name or a plate; line breaks are allowed in multi-line fields */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "dossier_id", nullable = false, updatable = false)
    private long dossierId;
    @Column(name = "arrival_time", nullable = false)
    private LocalTime arrivalTime;
    @Column(name = "car_plate")
    private String carPlate;
    @Column(name = "remarks")
    private String remarks;
    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "pre_arrival_person", joinColumns = @JoinColumn(name = "form_id"))
    @OrderBy("position")
    private List<ArrivingPerson> persons = new ArrayList<>();

    protected PreArrivalForm() {
        // JPA
    }

    /**
     * One person as typed; a row the guest left wholly blank is null in {@link Answers#persons()}.
     * The police fields are read only for a foreign guest aged 15 or over.
     */
    public record Person(String firstName, String lastName, Integer age, String nationality, LocalDate birthDate,
                         String birthPlace, String homeAddress, String phone, String email) {
    }

    /** The form as the guest sends it: one entry per place in the party, null where nobody was named. */
    public record Answers(LocalTime arrivalTime, List<Person> persons, String carPlate, String remarks) {
        public Answers {
            persons = persons == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(persons));
        }
    }

    /** What the dossier and the owner's settings say the form must fit. */
    public record Frame(int partySize, LocalDate arrival, Optional<LocalTime> arrivalFrom,
                        Optional<LocalTime> arrivalUntil) {
        public Frame {
            Objects.requireNonNull(arrival, "arrival is required");
            Objects.requireNonNull(arrivalFrom, "arrivalFrom is required");
            Objects.requireNonNull(arrivalUntil, "arrivalUntil is required");
            if (partySize < 1) {
                throw new IllegalArgumentException("a party is at least one person");
            }
        }
    }

    public static PreArrivalForm submit(long accountId, long dossierId, Answers answers, Frame frame, Instant at) {
        Objects.requireNonNull(at, "at is required");
        PreArrivalForm form = new PreArrivalForm();
        form.accountId = accountId;
        form.dossierId = dossierId;
        form.submittedAt = at;
        form.write(answers, frame, at);
        return form;
    }

    /** The guest sends the form again: it replaces the previous answers whole, or nothing changes. */
    public void revise(Answers answers, Frame frame, Instant at) {
        Objects.requireNonNull(at, "at is required");
        write(answers, frame, at.isBefore(submittedAt) ? submittedAt : at);
    }

    private void write(Answers answers, Frame frame, Instant at) {
        Objects.requireNonNull(answers, "answers are required");
        Objects.requireNonNull(frame, "frame is required");
        List<Violation> problems = check(answers, frame);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        arrivalTime = answers.arrivalTime();
        carPlate = blankToNull(answers.carPlate());
        remarks = blankToNull(answers.remarks());
        persons.clear();
        for (int i = 0; i < answers.persons().size(); i++) {
            Person p = answers.persons().get(i);
            if (p != null) {
                persons.add(new ArrivingPerson(i, normalised(p)));
            }
        }
        updatedAt = at;
    }

    /**
     * Every violation of the answers, each naming its field ("arrivalTime", "person.2.lastName"…):
     * the page shows them all at once, next to their fields.
     */
    public static List<Violation> check(Answers a, Frame frame) {
        List<Violation> problems = new ArrayList<>();
        if (a.arrivalTime() == null) {
            problems.add(new Violation("arrivalTime", "prearrival.error.arrivalTime"));
        } else if (frame.arrivalFrom().filter(from -> a.arrivalTime().isBefore(from)).isPresent()
                || frame.arrivalUntil().filter(until -> a.arrivalTime().isAfter(until)).isPresent()) {
            problems.add(new Violation("arrivalTime", "prearrival.error.arrivalHours"));
        }
        if (a.persons().size() > frame.partySize()) {
            problems.add(new Violation("persons", "prearrival.error.tooMany"));
        } else if (a.persons().stream().allMatch(Objects::isNull)) {
            problems.add(new Violation("person.0.firstName", "prearrival.error.nobody"));
        }
        for (int i = 0; i < a.persons().size() && i < frame.partySize(); i++) {
            if (a.persons().get(i) != null) {
                checkPerson("person." + i + ".", normalised(a.persons().get(i)), frame.arrival(), problems);
            }
        }
        text(a.carPlate(), CAR_PLATE_MAX, false, "carPlate", "prearrival.error.carPlate", problems);
        text(a.remarks(), REMARKS_MAX, true, "remarks", "prearrival.error.remarks", problems);
        return problems;
    }

    private static void checkPerson(String at, Person p, LocalDate arrival, List<Violation> problems) {
        required(p.firstName(), NAME_MAX, false, at + "firstName", "prearrival.error.firstName", problems);
        required(p.lastName(), NAME_MAX, false, at + "lastName", "prearrival.error.lastName", problems);
        if (p.age() == null || p.age() < 0 || p.age() > AGE_MAX) {
            problems.add(new Violation(at + "age", "prearrival.error.age"));
        }
        if (p.nationality() == null || !COUNTRIES.contains(p.nationality())) {
            problems.add(new Violation(at + "nationality", "prearrival.error.nationality"));
        }
        if (p.age() == null || p.nationality() == null || !ArrivingPerson.needsPoliceForm(p.nationality(), p.age())) {
            return;
        }
        if (p.birthDate() == null || p.birthDate().isAfter(arrival)
                || p.birthDate().isBefore(arrival.minusYears(AGE_MAX + 1L))) {
            problems.add(new Violation(at + "birthDate", "prearrival.error.birthDate"));
        } else if (Math.abs(Period.between(p.birthDate(), arrival).getYears() - p.age()) > 1) {
            // a year of slack: the guest may give the age they have today, or on arrival
            problems.add(new Violation(at + "age", "prearrival.error.ageBirthDate"));
        }
        required(p.birthPlace(), BIRTH_PLACE_MAX, false, at + "birthPlace", "prearrival.error.birthPlace", problems);
        required(p.homeAddress(), ADDRESS_MAX, true, at + "homeAddress", "prearrival.error.homeAddress", problems);
        if (p.phone() == null || !PHONE.matcher(p.phone().strip()).matches()) {
            problems.add(new Violation(at + "phone", "prearrival.error.phone"));
        }
        if (p.email() == null || p.email().strip().length() > EMAIL_MAX || !EMAIL.matcher(p.email().strip()).matches()) {
            problems.add(new Violation(at + "email", "prearrival.error.email"));
        }
    }

    private static void required(String value, int max, boolean multiLine, String field, String key,
                                 List<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Violation(field, key));
        } else {
            text(value, max, multiLine, field, key, problems);
        }
    }

    private static void text(String value, int max, boolean multiLine, String field, String key,
                             List<Violation> problems) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() > max || CONTROL.matcher(v).find() || !multiLine && LINE_BREAK.matcher(v).find()) {
            problems.add(new Violation(field, key));
        }
    }

    private static Person normalised(Person p) {
        String nationality = p.nationality() == null || p.nationality().isBlank() ? null
                : p.nationality().strip().toUpperCase(Locale.ROOT);
        return new Person(p.firstName(), p.lastName(), p.age(), nationality, p.birthDate(), p.birthPlace(),
                p.homeAddress(), p.phone(), p.email());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The guests who must each fill and sign a police form, in the party's order (none once erased). */
    public List<ArrivingPerson> policeFormHolders() {
        return persons.stream().filter(ArrivingPerson::holdsPoliceForm).toList();
    }

    /** The children under 15 of the party: the law lets them go on an accompanying adult's form. */
    public List<ArrivingPerson> children() {
        return persons.stream().filter(p -> p.age() < ArrivingPerson.POLICE_FORM_AGE).toList();
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public long dossierId() { return dossierId; }
    public LocalTime arrivalTime() { return arrivalTime; }
    public Optional<String> carPlate() { return Optional.ofNullable(carPlate); }
    public Optional<String> remarks() { return Optional.ofNullable(remarks); }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
    public List<ArrivingPerson> persons() { return List.copyOf(persons); }

    /** The answers as stored, one entry per place up to {@code places} (null where nobody was named), to edit again. */
    public Answers answers(int places) {
        List<Person> rows = new ArrayList<>(java.util.Collections.nCopies(Math.max(places, 0), (Person) null));
        for (ArrivingPerson p : persons) {
            if (p.position() < rows.size()) {
                rows.set(p.position(), new Person(p.firstName(), p.lastName(), p.age(), p.nationality(),
                        p.birthDate().orElse(null), p.birthPlace().orElse(null), p.homeAddress().orElse(null),
                        p.phone().orElse(null), p.email().orElse(null)));
            }
        }
        return new Answers(arrivalTime, rows, carPlate, remarks);
    }

    /** The ages of the persons named, in the party's order: what a later tourist-tax step may count. */
    public List<Integer> ages() {
        return persons.stream().map(ArrivingPerson::age).toList();
    }
}
