package org.sejour.domain.model.prearrival;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.prearrival.PreArrivalForm.Answers;
import org.sejour.domain.model.prearrival.PreArrivalForm.Frame;
import org.sejour.domain.model.prearrival.PreArrivalForm.Person;
import org.sejour.domain.model.shared.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreArrivalFormTest {

    static final LocalDate ARRIVAL = LocalDate.of(2027, 5, 1);
    static final Frame FOUR = new Frame(4, ARRIVAL, Optional.of(LocalTime.of(16, 0)), Optional.of(LocalTime.of(19, 0)));
    static final Instant AT = Instant.parse("2027-04-20T10:00:00Z");

    static Person french(String first, int age) {
        return new Person(first, "Martin", age, "FR", null, null, null, null, null);
    }

    static Person spanish(String first, int age, LocalDate born) {
        return new Person(first, "García", age, "es", born, "Sevilla", "Calle Mayor 5, Sevilla", "+34 600 000 000",
                first.toLowerCase() + "@example.test");
    }

    static Answers answers(LocalTime time, Person... persons) {
        return new Answers(time, Arrays.asList(persons), " AB-123-CD ", "");
    }

    static List<String> violations(Answers a, Frame frame) {
        return PreArrivalForm.check(a, frame).stream().map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @Test
    void aMixedPartyKeepsPlacesAgesAndThePoliceFieldsOfTheForeignAdultOnly() {
        PreArrivalForm form = PreArrivalForm.submit(7, 11, answers(LocalTime.of(17, 30),
                spanish("Lucía", 41, LocalDate.of(1985, 10, 14)), null, french("Léo", 12),
                spanish("Pablo", 9, null)), FOUR, AT);
        assertEquals(List.of(0, 2, 3), form.persons().stream().map(ArrivingPerson::position).toList());
        assertEquals(List.of(41, 12, 9), form.ages());
        assertEquals(List.of("Lucía"), form.policeFormHolders().stream().map(ArrivingPerson::firstName).toList());
        assertEquals("ES", form.persons().get(0).nationality());
        assertEquals(Optional.of("Sevilla"), form.persons().get(0).birthPlace());
        assertTrue(form.persons().get(2).birthPlace().isEmpty(), "a child under 15 has no police fields of their own");
        assertEquals(List.of("Léo", "Pablo"), form.children().stream().map(ArrivingPerson::firstName).toList());
        assertEquals(Optional.of("AB-123-CD"), form.carPlate());
        assertTrue(form.remarks().isEmpty());
        Answers again = form.answers(4);
        assertEquals(4, again.persons().size());
        assertEquals(null, again.persons().get(1));
        assertEquals("Léo", again.persons().get(2).firstName());
    }

    @Test
    void everyWrongFieldIsNamedAndNothingChanges() {
        PreArrivalForm form = PreArrivalForm.submit(7, 11, answers(LocalTime.of(18, 0), french("Ana", 30)), FOUR, AT);
        Answers bad = new Answers(LocalTime.of(21, 0), Arrays.asList(
                new Person(" ", "x".repeat(101), 121, "FR", null, null, null, null, null),
                new Person("Tom", "Smith", 40, "GB", null, "", "", "12", "nope"),
                new Person("Zoé", "Line\nBreak", -1, "XX", null, null, null, null, null)), "P".repeat(21),
                "r".repeat(1001));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> form.revise(bad, FOUR, AT));
        assertEquals(List.of("arrivalTime:prearrival.error.arrivalHours",
                "person.0.firstName:prearrival.error.firstName", "person.0.lastName:prearrival.error.lastName",
                "person.0.age:prearrival.error.age",
                "person.1.birthDate:prearrival.error.birthDate", "person.1.birthPlace:prearrival.error.birthPlace",
                "person.1.homeAddress:prearrival.error.homeAddress", "person.1.phone:prearrival.error.phone",
                "person.1.email:prearrival.error.email",
                "person.2.lastName:prearrival.error.lastName", "person.2.age:prearrival.error.age",
                "person.2.nationality:prearrival.error.nationality",
                "carPlate:prearrival.error.carPlate", "remarks:prearrival.error.remarks"),
                e.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList());
        assertEquals(List.of("Ana"), form.persons().stream().map(ArrivingPerson::firstName).toList(), "as it was");
        assertEquals(LocalTime.of(18, 0), form.arrivalTime());
    }

    @Test
    void moreNamesThanThePartyOrNobodyAtAllIsRefused() {
        List<Person> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(french("P" + i, 30));
        }
        assertEquals(List.of("persons:prearrival.error.tooMany"),
                violations(new Answers(LocalTime.of(17, 0), five, null, null), FOUR));
        assertEquals(List.of("person.0.firstName:prearrival.error.nobody"),
                violations(answers(LocalTime.of(17, 0), null, null), FOUR));
        assertEquals(List.of("arrivalTime:prearrival.error.arrivalTime"),
                violations(answers(null, french("Ana", 30)), FOUR));
    }

    @ParameterizedTest(name = "{0} aged {1}, born {2}: {3}")
    @CsvSource({
            "FR, 40, , ''",
            "ES, 14, , ''",
            "ES, 15, 2012-01-01, ''",
            "ES, 41, 1985-10-14, ''",
            "ES, 42, 1985-10-14, ''",
            "ES, 30, 1985-10-14, person.0.age:prearrival.error.ageBirthDate",
            "ES, 41, 2027-05-02, person.0.birthDate:prearrival.error.birthDate",
            "ES, 41, , person.0.birthDate:prearrival.error.birthDate",
    })
    void thePoliceFieldsAreAskedOfForeignGuestsOf15AndOver(String nationality, int age, LocalDate born,
                                                            String expected) {
        Person p = new Person("Lucía", "García", age, nationality, born, "Sevilla", "Calle Mayor 5",
                "+34 600 000 000", "lucia@example.test");
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected),
                violations(answers(LocalTime.of(16, 0), p), FOUR));
    }

    @Test
    void withoutArrivalHoursAnyTimeGoes() {
        Frame open = new Frame(2, ARRIVAL, Optional.empty(), Optional.empty());
        assertTrue(violations(answers(LocalTime.of(23, 30), french("Ana", 30)), open).isEmpty());
        assertFalse(violations(answers(LocalTime.of(23, 30), french("Ana", 30)), FOUR).isEmpty());
    }
}
