package io.cmlfleet.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form-encoded body of an EC2 query-protocol request, with the protocol's list convention: {@code InstanceId.1},
 * {@code InstanceId.2}, ... and nested {@code Filter.1.Value.1}. Indexes are 1-based and need not be contiguous.
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            }
        }
        return new QueryParameters(values);
    }

    String get(String key) {
        return values.get(key);
    }

    int intValue(String key, int fallback) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Ec2Failure.invalidParameter("Value (" + value + ") for parameter " + key + " is invalid.");
        }
    }

    boolean booleanValue(String key) {
        return "true".equalsIgnoreCase(values.get(key));
    }

    /** Values of {@code prefix.N} in index order. */
    List<String> list(String prefix) {
        return new ArrayList<>(indexed(prefix, "").values());
    }

    /** For {@code prefix.N.suffix} keys: N to value, in index order. */
    TreeMap<Integer, String> indexed(String prefix, String suffix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d+)" + Pattern.quote(suffix));
        TreeMap<Integer, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = pattern.matcher(key);
            if (matcher.matches()) {
                found.put(Integer.parseInt(matcher.group(1)), value);
            }
        });
        return found;
    }

    /** Filters as name to accepted values: {@code Filter.N.Name} with its {@code Filter.N.Value.M}. */
    Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        indexed("Filter", ".Name").forEach((n, name) ->
                filters.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list("Filter." + n + ".Value")));
        return filters;
    }
}
