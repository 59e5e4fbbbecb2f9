package org.sejour.infrastructure.document;

import jakarta.enterprise.context.ApplicationScoped;
import net.sf.jasperreports.engine.JRException;
import org.sejour.application.document.PoliceFormRenderer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the police forms from police-form.jrxml with the documents' machinery (compiled once,
 * embedded DejaVu fonts). French dates: the form is for the French police.
 */
@ApplicationScoped
public class JasperPoliceFormRenderer implements PoliceFormRenderer {

    private static final String TEMPLATE = "/org/sejour/infrastructure/document/police-form.jrxml";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CompiledTemplate template = new CompiledTemplate(TEMPLATE);

    @Override
    public byte[] render(Host host, int dossierNumber, LocalDate arrival, LocalDate departure, List<Page> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a police form is printed for at least one guest");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("HOST", host.name());
        p.put("LODGING", host.address().isBlank() ? host.lodging() : host.lodging() + " — " + host.address());
        p.put("DOSSIER", "Dossier n° " + dossierNumber);
        p.put("ARRIVAL", DAY.format(arrival));
        p.put("DEPARTURE", DAY.format(departure));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Page page : pages) {
            Map<String, Object> row = new HashMap<>();
            row.put("lastName", page.lastName());
            row.put("firstNames", page.firstNames());
            row.put("birthDate", DAY.format(page.birthDate()));
            row.put("birthPlace", page.birthPlace());
            row.put("nationality", page.nationality());
            row.put("homeAddress", page.homeAddress());
            row.put("phone", page.phone());
            row.put("email", page.email());
            row.put("children", page.children().isEmpty() ? null : page.children().stream()
                    .map(c -> c.name() + " (" + c.age() + " ans / years)").collect(Collectors.joining("\n")));
            rows.add(row);
        }
        try {
            return template.pdf(p, rows);
        } catch (JRException e) {
            throw new IllegalStateException("police forms of dossier " + dossierNumber + " cannot be rendered", e);
        }
    }
}
