package org.sejour.infrastructure.document;

import jakarta.enterprise.context.ApplicationScoped;
import net.sf.jasperreports.engine.JRException;
import org.sejour.application.privacy.GuestDataRenderer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The guest's data from guest-data.jrxml with the documents' machinery (compiled once, embedded fonts). */
@ApplicationScoped
public class JasperGuestDataRenderer implements GuestDataRenderer {

    private static final String TEMPLATE = "/org/sejour/infrastructure/document/guest-data.jrxml";

    private final CompiledTemplate template = new CompiledTemplate(TEMPLATE);

    @Override
    public byte[] render(String title, String subtitle, List<Line> lines) {
        Map<String, Object> p = new HashMap<>();
        p.put("TITLE", title);
        p.put("SUBTITLE", subtitle);
        List<Map<String, ?>> rows = lines.stream()
                .<Map<String, ?>>map(l -> Map.of("section", l.section(), "field", l.field(), "value", l.value()))
                .toList();
        try {
            return template.pdf(p, rows);
        } catch (JRException e) {
            throw new IllegalStateException("the guest's data cannot be rendered", e);
        }
    }
}
