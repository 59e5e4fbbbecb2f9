package org.sejour.application.document;

import org.junit.jupiter.api.Test;
import org.sejour.domain.model.dossier.PricedLine;
import org.sejour.domain.model.shared.Language;
import org.sejour.domain.model.shared.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a dossier's frozen lines read on the contract: discounts under a struck-out price. */
class ContractPriceLinesTest {

    static PricedLine line(int position, String kind, String label, int quantity, String amount) {
        return new PricedLine(position, kind, label, quantity, new BigDecimal(amount), null);
    }

    @Test
    void discountsAreTakenOffTheAccommodationWhosePriceBeforeThemIsStruckOut() {
        List<ContractDocument.PriceLine> lines = ContractService.priceLines(List.of(
                line(0, "ACCOMMODATION", "", 1, "500.00"),
                line(1, "PROMOTION", "Printemps", 1, "-50.00"),
                line(2, "PROMO_CODE", "ETE27", 1, "-25.00"),
                line(3, "SUPPLEMENT", "Ménage", 1, "60.00"),
                line(4, "SUPPLEMENT", "Lit bébé", 7, "35.00"),
                line(5, "TOURIST_TAX", "", 1, "18.80")), 7, ContractTexts.in(Language.FR));

        assertEquals(List.of(
                new ContractDocument.PriceLine("Hébergement (7 nuits)", 1, Money.of("425.00"), Optional.of(Money.of("500.00")), false),
                new ContractDocument.PriceLine("Printemps", 1, Money.of("-50.00"), Optional.empty(), true),
                new ContractDocument.PriceLine("Code promo ETE27", 1, Money.of("-25.00"), Optional.empty(), true),
                new ContractDocument.PriceLine("Ménage", 1, Money.of("60.00"), Optional.empty(), false),
                new ContractDocument.PriceLine("Lit bébé × 7", 7, Money.of("35.00"), Optional.empty(), false),
                new ContractDocument.PriceLine("Taxe de séjour", 1, Money.of("18.80"), Optional.empty(), false)), lines);
        Money counted = lines.stream().filter(l -> !l.detail()).map(ContractDocument.PriceLine::amount)
                .reduce(Money.ZERO, Money::plus);
        assertEquals(Money.of("538.80"), counted, "the lines still add up to the dossier's total");
    }

    @Test
    void withoutDiscountNothingIsStruckOutAndEnglishNamesTheLines() {
        List<ContractDocument.PriceLine> lines = ContractService.priceLines(List.of(
                line(0, "ACCOMMODATION", "", 1, "500.00"), line(1, "TOURIST_TAX", "", 1, "9.40")),
                1, ContractTexts.in(Language.EN));
        assertEquals("Accommodation (1 night)", lines.get(0).label());
        assertEquals(Optional.empty(), lines.get(0).struckOut());
        assertEquals("Tourist tax", lines.get(1).label());
    }

    @Test
    void moneyReadsAsEachLanguageWritesIt() {
        assertEquals("1 234,50 €", ContractTexts.in(Language.FR).money(Money.of("1234.50")).replace('\u00A0', ' '));
        assertEquals("€1,234.50", ContractTexts.in(Language.EN).money(Money.of("1234.50")));
        assertEquals("1.234,50 €", ContractTexts.in(Language.DE).money(Money.of("1234.50")).replace('\u00A0', ' '));
        assertEquals("−50,00 €", ContractTexts.in(Language.FR).money(Money.of("-50.00")).replace('\u00A0', ' ').replace("− ", "−"));
    }
}
