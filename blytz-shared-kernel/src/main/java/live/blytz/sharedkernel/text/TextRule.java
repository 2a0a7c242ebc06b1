package live.blytz.sharedkernel.text;

import java.util.Optional;

/**
 * The one rule for text a client sends, wherever it enters: request path, query and form parameters, header
 * values and every string of a JSON body (applied at the HTTP edge), and by domain rules for text that reaches a
 * module another way (events). Refused in all text:
 * <ul>
 *   <li>ill-formed UTF-16, i.e. an unpaired surrogate (JSON {@code "\ud800"}): no UTF-8 encoding exists for it,
 *       so PostgreSQL would store it as {@code ?};</li>
 *   <li>the C0 controls U+0000–U+001F (NUL included, which PostgreSQL cannot store at all), DEL (U+007F) and the
 *       C1 controls U+0080–U+009F (NEL included).</li>
 * </ul>
 * Line breaks (LF, CR, U+2028, U+2029) and tab are the only controls a person types into a text area: they are
 * allowed in {@link #MULTI_LINE} text and refused in {@link #SINGLE_LINE} text, where they would split a log
 * line, a header or a heading. Format characters (zero-width joiners, bidi marks) are not controls and pass:
 * emoji and right-to-left names need them.
 */
public enum TextRule {

    /** Names, titles, identifiers, URLs, query and path values, header values. */
    SINGLE_LINE,

    /** Free text a person writes: descriptions, a bio. Also tab and line breaks. */
    MULTI_LINE;

    public static final String UNPAIRED_SURROGATE = "must be well-formed Unicode (it contains an unpaired surrogate)";
    public static final String CONTROL_CHARACTER = "must not contain control characters";
    public static final String LINE_BREAK = "must be a single line, without tabs or line breaks";

    /** Why {@code text} breaks this rule, as a message for the client, or empty when it does not. */
    public Optional<String> violation(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(UNPAIRED_SURROGATE);
            } else if (isLineBreakOrTab(c)) {
                if (this == SINGLE_LINE) {
                    return Optional.of(LINE_BREAK);
                }
            } else if (c <= 0x9F) {
                return Optional.of(CONTROL_CHARACTER);
            }
        }
        return Optional.empty();
    }

    public boolean accepts(CharSequence text) {
        return violation(text).isEmpty();
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
}
