package org.sejour.application.dossier;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words of an export in the owner's language, chosen by the page that asks for it (the
 * texts live in the back office's bundle): the sheet's name, the column headers, and the
 * names of the dossier states and origins. Stored with the export, so the job writes the
 * language the owner was reading when they clicked.
 */
public record ExportLabels(String sheetName, List<String> headers, Map<String, String> statuses,
                           Map<String, String> origins) {

    public ExportLabels {
        Objects.requireNonNull(sheetName, "sheetName is required");
        headers = List.copyOf(headers);
        statuses = Map.copyOf(statuses);
        origins = Map.copyOf(origins);
    }

    String toJson() {
        JsonArrayBuilder headerArray = Json.createArrayBuilder();
        headers.forEach(headerArray::add);
        return Json.createObjectBuilder()
                .add("sheetName", sheetName)
                .add("headers", headerArray)
                .add("statuses", object(statuses))
                .add("origins", object(origins))
                .build().toString();
    }

    static ExportLabels fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new ExportLabels(o.getString("sheetName"),
                    o.getJsonArray("headers").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                    map(o.getJsonObject("statuses")), map(o.getJsonObject("origins")));
        }
    }

    private static JsonObjectBuilder object(Map<String, String> map) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        map.forEach(builder::add);
        return builder;
    }

    private static Map<String, String> map(JsonObject object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
        return map;
    }
}
