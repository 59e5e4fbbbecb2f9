package org.sejour.application.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an acceptance keeps of what the browser sent: values cut to their columns, and the hash. */
class ContractAcceptanceServiceTest {

    @Test
    void theHashIsTheSha256OfTheBytesInLowerCaseHex() {
        // FIPS 180-2's example "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ContractAcceptanceService.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0} chars cut to {1}: {2}")
    @CsvSource({
            "10,   512, 10",
            "512,  512, 512",
            "513,  512, 512",
            "9000, 512, 512"
    })
    void aUserAgentIsCutToItsColumn(int length, int max, int kept) {
        assertEquals(kept, ContractAcceptanceService.clip("a".repeat(length), max).length());
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        // 511 letters then an emoji (two UTF-16 units): cutting at 512 would keep half of it
        String agent = "a".repeat(511) + "😀" + "b";
        String kept = ContractAcceptanceService.clip(agent, 512);
        assertEquals("a".repeat(511), kept);
    }

    @Test
    void blanksAroundAreDropped() {
        assertEquals("Mozilla/5.0", ContractAcceptanceService.clip("  Mozilla/5.0 \n", 512));
    }
}
