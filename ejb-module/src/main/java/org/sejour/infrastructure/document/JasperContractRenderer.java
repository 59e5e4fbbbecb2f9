package org.sejour.infrastructure.document;

import jakarta.enterprise.context.ApplicationScoped;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import org.sejour.application.document.AmountLines;
import org.sejour.application.document.ContractDocument;
import org.sejour.application.document.ContractRenderer;
import org.sejour.application.document.ContractTexts;

import javax.imageio.ImageIO;
import java.awt.Image;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Renders contracts with JasperReports from contract.jrxml (compiled once, see {@link CompiledTemplate}). */
@ApplicationScoped
public class JasperContractRenderer implements ContractRenderer {

    private static final Logger LOG = Logger.getLogger(JasperContractRenderer.class.getName());
    private static final String TEMPLATE = "/org/sejour/infrastructure/document/contract.jrxml";
    private static final int PHOTOS = 4;

    private final CompiledTemplate template = new CompiledTemplate(TEMPLATE);

    @Override
    public byte[] render(ContractDocument contract) {
        ContractTexts texts = ContractTexts.in(contract.language());
        try {
            return template.pdf(parameters(contract, texts), lines(contract, texts));
        } catch (JRException e) {
            throw new IllegalStateException("contract of dossier " + contract.dossierNumber() + " cannot be rendered", e);
        }
    }

    private static Map<String, Object> parameters(ContractDocument c, ContractTexts t) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, t.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, t.bundle());
        p.put("OWNER_NAME", c.owner().name());
        p.put("OWNER_HEADER", blankToNull(c.owner().header()));
        p.put("OWNER_SLOGAN", blankToNull(c.owner().slogan()));
        p.put("OWNER_CONTACT", String.join("\n", c.owner().contactLines()));
        p.put("LOGO", image(c.owner().logo()));
        p.put("DOSSIER_LINE", c.version() > 1
                ? t.text("dossierVersion", Integer.toString(c.dossierNumber()), t.date(c.issuedOn()), c.version())
                : t.text("dossier", Integer.toString(c.dossierNumber()), t.date(c.issuedOn())));
        p.put("STATE_LABEL", t.text("state." + c.state().name()));
        p.put("GUEST", c.guestName() + lines(c.guestLines()));
        p.put("ACCOMMODATION", c.accommodationName() + lines(c.accommodationLines()));
        p.put("STAY", stay(c, t));
        p.put("PARTY", c.party().stream().map(party -> t.text("persons", party.persons(), party.label()))
                .collect(Collectors.joining("\n")));
        p.put("TOTAL_LABEL", AmountLines.totalLabel(c.state() == ContractDocument.State.CANCELLED, t));
        p.put("TOTAL", t.money(c.total()));
        p.put("PAYMENTS", payments(c, t));
        p.put("PAYMENT_TERMS", blankToNull(c.paymentTerms()));
        p.put("ADDITIONAL_INFO", blankToNull(c.additionalInfo()));
        p.put("STATE_TEXT", blankToNull(c.stateText()));
        p.put("SIGNATURE", blankToNull(c.signature()));
        List<byte[]> photos = c.photos();
        p.put("SHOW_PHOTOS", !photos.isEmpty());
        for (int i = 0; i < PHOTOS; i++) {
            p.put("PHOTO_" + (i + 1), i < photos.size() ? image(photos.get(i)) : null);
        }
        p.put("TERMS", blankToNull(c.terms()));
        return p;
    }

    private static String stay(ContractDocument c, ContractTexts t) {
        StringBuilder stay = new StringBuilder(t.text("arrival", t.date(c.arrival())));
        Optional<LocalTime> from = c.arrivalFrom();
        if (from.isPresent() && c.arrivalUntil().isPresent()) {
            stay.append(' ').append(t.text("arrivalHours", t.time(from.get()), t.time(c.arrivalUntil().get())));
        } else if (from.isPresent()) {
            stay.append(' ').append(t.text("arrivalFrom", t.time(from.get())));
        }
        appendRemark(stay, c.arrivalRemarks());
        stay.append('\n').append(t.text("departure", t.date(c.departure())));
        c.departureBefore().ifPresent(before -> stay.append(' ').append(t.text("departureHours", t.time(before))));
        appendRemark(stay, c.departureRemarks());
        stay.append('\n').append(t.text("nights", c.nights()));
        return stay.toString();
    }

    private static void appendRemark(StringBuilder text, String remark) {
        if (remark != null && !remark.isBlank()) {
            text.append(" — ").append(remark.strip());
        }
    }

    /** The dossier's amounts in the mails' words ({@link AmountLines}), then the security deposit. */
    private static String payments(ContractDocument c, ContractTexts t) {
        List<String> lines = new ArrayList<>(AmountLines.payments(c.amounts(),
                c.state() == ContractDocument.State.CANCELLED, c.depositType(), t));
        c.securityDeposit().ifPresent(amount -> lines.add(t.labelled(t.text("securityDeposit"), t.money(amount))));
        return String.join("\n", lines);
    }

    private static List<Map<String, ?>> lines(ContractDocument c, ContractTexts t) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ContractDocument.PriceLine line : c.lines()) {
            Map<String, Object> row = new HashMap<>();
            row.put("label", line.label());
            row.put("struck", line.struckOut().map(t::money).orElse(null));
            row.put("amount", t.money(line.amount()));
            row.put("detail", line.detail());
            rows.add(row);
        }
        return rows;
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Image image(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An image of a contract cannot be read; it is left out", e);
            return null;
        }
    }
}
