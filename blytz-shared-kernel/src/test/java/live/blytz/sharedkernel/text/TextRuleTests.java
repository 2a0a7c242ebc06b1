package live.blytz.sharedkernel.text;

import static live.blytz.sharedkernel.text.TextRule.MULTI_LINE;
import static live.blytz.sharedkernel.text.TextRule.SINGLE_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRuleTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "Lamp", "Zoë Ångström", "日本語のタイトル", "emoji 👩‍👩‍👧 and flags 🇩🇪",
            "right-to-left \u200fمرحبا", "no-break\u00a0space", "\u00a0\u00ff\u0100", "e\u0301"})
    void ordinaryTextPassesBothRules(String text) {
        assertThat(SINGLE_LINE.violation(text)).isEmpty();
        assertThat(MULTI_LINE.violation(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
            '\u0080', '\u0085', '\u009b', '\u009f'})
    void controlCharactersAreRefusedEverywhere(char control) {
        String text = "a" + control + "b";
        assertThat(SINGLE_LINE.violation(text)).contains(TextRule.CONTROL_CHARACTER);
        assertThat(MULTI_LINE.violation(text)).contains(TextRule.CONTROL_CHARACTER);
        assertThat(MULTI_LINE.violation(String.valueOf(control))).contains(TextRule.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\t', '\n', '\r', '\u2028', '\u2029'})
    void tabAndLineBreaksAreMultiLineOnly(char lineBreak) {
        String text = "first" + lineBreak + "second";
        assertThat(SINGLE_LINE.violation(text)).contains(TextRule.LINE_BREAK);
        assertThat(MULTI_LINE.violation(text)).isEmpty();
        assertThat(MULTI_LINE.accepts("a\r\nb\tc")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\ud800", "\ud800b", "\udc00", "a\udc00b", "\udc00\ud800", "\ud83d\ud83d\ude00",
            "ok 😀 then \udfff"})
    void unpairedSurrogatesAreRefusedEverywhere(String text) {
        assertThat(SINGLE_LINE.violation(text)).contains(TextRule.UNPAIRED_SURROGATE);
        assertThat(MULTI_LINE.violation(text)).contains(TextRule.UNPAIRED_SURROGATE);
    }

    @Test
    void aPairedSurrogateAtTheEndIsWellFormed() {
        assertThat(SINGLE_LINE.accepts("smile \ud83d\ude00")).isTrue();
        assertThat(SINGLE_LINE.accepts("\ud83d\ude00")).isTrue();
    }

    @Test
    void theFirstViolationIsReported() {
        assertThat(MULTI_LINE.violation("ok\n\u0000\ud800")).contains(TextRule.CONTROL_CHARACTER);
        assertThat(SINGLE_LINE.violation("ok\n\u0000")).contains(TextRule.LINE_BREAK);
    }
}
