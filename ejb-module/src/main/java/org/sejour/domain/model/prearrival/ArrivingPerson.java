package org.sejour.domain.model.prearrival;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One person of the party as the guest named them on the pre-arrival form, at their place in the
 * party; with the police form's fields when French law asks them (see {@link #needsPoliceForm()}).
 * Built only by {@link PreArrivalForm}, which checks the whole form first.
 */
@Embeddable
public class ArrivingPerson implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The law lets children under 15 be listed on the form of an accompanying adult (CESEDA R814-2). */
    public static final int POLICE_FORM_AGE = 15;
    public static final String FRENCH = "FR";

    @Column(name = "position", nullable = false)
    private int position;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    @Column(name = "age", nullable = false)
    private int age;
    @Column(name = "nationality", nullable = false)
    private String nationality;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "birth_place")
    private String birthPlace;
    @Column(name = "home_address")
    private String homeAddress;
    @Column(name = "phone")
    private String phone;
    @Column(name = "email")
    private String email;
    /** the day the police fields were erased, six months after the stay (CESEDA R814-3) */
    @Column(name = "police_erased_on")
    private LocalDate policeErasedOn;

    protected ArrivingPerson() {
        // JPA
    }

    ArrivingPerson(int position, PreArrivalForm.Person p) {
        this.position = position;
        this.firstName = p.firstName().strip();
        this.lastName = p.lastName().strip();
        this.age = p.age();
        this.nationality = p.nationality();
        if (needsPoliceForm()) {
            this.birthDate = p.birthDate();
            this.birthPlace = p.birthPlace().strip();
            this.homeAddress = p.homeAddress().strip();
            this.phone = p.phone().strip();
            this.email = p.email().strip();
        }
    }

    /** A guest of foreign nationality aged 15 or over fills and signs a police form of their own. */
    public boolean needsPoliceForm() {
        return needsPoliceForm(nationality, age);
    }

    static boolean needsPoliceForm(String nationality, int age) {
        return !FRENCH.equals(nationality) && age >= POLICE_FORM_AGE;
    }

    public int position() { return position; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public int age() { return age; }
    /** ISO 3166 two-letter code, upper case */
    public String nationality() { return nationality; }
    public Optional<LocalDate> birthDate() { return Optional.ofNullable(birthDate); }
    public Optional<String> birthPlace() { return Optional.ofNullable(birthPlace); }
    public Optional<String> homeAddress() { return Optional.ofNullable(homeAddress); }
    public Optional<String> phone() { return Optional.ofNullable(phone); }
    public Optional<String> email() { return Optional.ofNullable(email); }
    public Optional<LocalDate> policeFieldsErasedOn() { return Optional.ofNullable(policeErasedOn); }

    /** Has a police form to print: one is needed, and its fields were not erased since. */
    public boolean holdsPoliceForm() {
        return needsPoliceForm() && policeErasedOn == null;
    }
}
