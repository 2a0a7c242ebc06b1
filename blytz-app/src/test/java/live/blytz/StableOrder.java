package live.blytz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sorts what Modulith's {@code Documenter} writes in an order that changes from run to run (reflection order):
 * runs of PlantUML components and relations, and the bullet lists of the module canvases; and the module description
 * JSON, whose members and lists come in the same reflection order. So two branches that change nothing in a module write
 * the same files and never conflict there.
 */
final class StableOrder {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StableOrder() {
    }

    static void apply(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.toString().endsWith(".puml") || file.toString().endsWith(".adoc"))
                    .forEach(StableOrder::sortFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON with every object's members sorted by name and every array's elements by their text, pretty-printed. */
    static String json(String json) {
        return MAPPER.writeValueAsString(sorted(MAPPER.readTree(json))) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.values().stream().map(StableOrder::sorted).sorted(Comparator.comparing(JsonNode::toString))
                    .forEach(out::add);
            return out;
        }
        return node;
    }

    private static void sortFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String sorted = String.join("\n", sortRuns(List.of(text.split("\n", -1))));
            if (!sorted.equals(text)) {
                Files.writeString(file, sorted, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sortRuns(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int end = i + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end))) && !lines.get(end).startsWith("|")) {
                end++;
            }
            List<String> run = new ArrayList<>(lines.subList(i, end));
            if (kind != null && run.size() > 1) {
                // A canvas cell opens with "|" on its first item: sort the items, then put the "|" back in front.
                boolean cell = run.getFirst().startsWith("|");
                if (cell) {
                    run.set(0, run.getFirst().substring(1));
                }
                run.sort(null);
                if (cell) {
                    run.set(0, "|" + run.getFirst());
                }
            }
            out.addAll(run);
            i = end;
        }
        return out;
    }

    private static @Nullable String kind(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("Rel(")) {
            return "relation";
        }
        if (stripped.startsWith("Component(")) {
            return "component";
        }
        if (line.startsWith("* `") || line.startsWith("|* `")) {
            return "item";
        }
        return null;
    }
}
