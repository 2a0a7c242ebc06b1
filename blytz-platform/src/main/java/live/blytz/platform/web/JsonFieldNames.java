package live.blytz.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a Java property path ({@code shippingInfo.maxDays}) into the JSON path the client sent ({@code shipping_info.max_days}). */
final class JsonFieldNames {

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private JsonFieldNames() {
    }

    static String of(String javaPath) {
        Matcher matcher = HUMP.matcher(javaPath);
        return matcher.replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
