package org.sejour.infrastructure.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sejour.domain.model.account.AccountMode;
import org.sejour.domain.model.account.AccountState;
import org.sejour.infrastructure.persistence.ReplicaRoute.Decision;
import org.sejour.infrastructure.persistence.ReplicaRoute.Probe;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicaRouteTest {

    private static final UUID CATALOG = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID NIGHTS = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID NEWER_NIGHTS = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Optional<String> SITE = Optional.of("https://gite.example.test");
    private static final AccountState KEPT_UNDER = new AccountState(7, AccountMode.PRODUCTION, CATALOG, Optional.of(NIGHTS), SITE);

    /** the replica's own word (standby, lag, the account's nights version there) against a bound of 1000 ms */
    @ParameterizedTest(name = "standby={0} lag={1} nights={2} -> {3}")
    @CsvSource(nullValues = "none", textBlock = """
            true,  0,      a,     REPLICA
            true,  999.9,  a,     REPLICA
            true,  1000,   a,     REPLICA
            true,  1000.1, a,     PRIMARY_LAGGING
            true,  60000,  a,     PRIMARY_LAGGING
            true,  none,   a,     PRIMARY_LAGGING
            true,  0,      b,     PRIMARY_OTHER_VERSION
            true,  0,      -,     PRIMARY_OTHER_VERSION
            true,  0,      none,  PRIMARY_OTHER_VERSION
            false, 0,      a,     PRIMARY_NOT_STANDBY
            """)
    void answersFromTheReplicaOnlyWhenItIsCurrentAndHoldsTheVersionsTheAnswerIsKeptUnder(
            boolean standby, Double lag, String nights, Decision expected) {
        Optional<AccountState> there = switch (nights == null ? "none" : nights) {
            case "a" -> Optional.of(KEPT_UNDER);
            case "b" -> Optional.of(new AccountState(7, AccountMode.PRODUCTION, CATALOG, Optional.of(NEWER_NIGHTS), SITE));
            case "-" -> Optional.of(new AccountState(7, AccountMode.PRODUCTION, CATALOG, Optional.empty(), SITE));
            default -> Optional.empty();
        };
        assertEquals(expected, ReplicaRoute.decide(new Probe(standby, Optional.ofNullable(lag), there), KEPT_UNDER, 1000));
    }

    @ParameterizedTest(name = "catalog behind on the replica -> primary")
    @CsvSource({"00000000-0000-0000-0000-0000000000c0", "00000000-0000-0000-0000-00000000000c"})
    void anotherCatalogVersionOrModeOnTheReplicaSendsTheReadToThePrimary(UUID catalog) {
        AccountState there = new AccountState(7, catalog.equals(CATALOG) ? AccountMode.TEST : AccountMode.PRODUCTION,
                catalog, Optional.of(NIGHTS), SITE);
        assertEquals(Decision.PRIMARY_OTHER_VERSION,
                ReplicaRoute.decide(new Probe(true, Optional.of(0.0), Optional.of(there)), KEPT_UNDER, 1000));
    }

    @Test
    void anotherWebsiteOnTheReplicaSendsTheReadToThePrimary() {
        AccountState there = new AccountState(7, AccountMode.PRODUCTION, CATALOG, Optional.of(NIGHTS), Optional.empty());
        assertEquals(Decision.PRIMARY_OTHER_VERSION,
                ReplicaRoute.decide(new Probe(true, Optional.of(0.0), Optional.of(there)), KEPT_UNDER, 1000));
    }
}
