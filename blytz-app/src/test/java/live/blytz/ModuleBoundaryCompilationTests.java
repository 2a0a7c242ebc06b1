package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that JPMS enforces the module boundaries: a module that imports another module's {@code internal}
 * package does not compile, while the same module importing the published events does.
 */
class ModuleBoundaryCompilationTests {

    @TempDir
    Path work;

    @Test
    void javacRefusesAnImportOfAnotherModulesInternals() throws IOException {
        CompileResult result = compileProbe("import live.blytz.auth.internal.AuthProperties;");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("package live.blytz.auth.internal is not visible");
    }

    @Test
    void javacAcceptsAnImportOfPublishedEvents() throws IOException {
        CompileResult result = compileProbe("import live.blytz.auth.events.UserRegistered;");
        assertThat(result.output()).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void javacRefusesAnImportOfTheAuctionsInternalsAndAcceptsCatalogsPublishedApi() throws IOException {
        CompileResult internal = compileProbe("import live.blytz.auctions.internal.Increments;");
        assertThat(internal.succeeded()).isFalse();
        assertThat(internal.output()).contains("package live.blytz.auctions.internal is not visible");

        CompileResult api = compileProbe("import live.blytz.catalog.ProductAuctions;\n"
                + "import live.blytz.auctions.events.AuctionEnded;");
        assertThat(api.output()).isEmpty();
        assertThat(api.succeeded()).isTrue();
    }

    private CompileResult compileProbe(String importLine) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/probe"));
        Files.writeString(work.resolve("src/module-info.java"),
                "module probe { requires live.blytz.catalog; requires live.blytz.auth; requires live.blytz.auctions; }");
        Files.writeString(sources.resolve("Probe.java"), "package probe;\n" + importLine + "\nclass Probe {}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = javac.run(null, output, output, "-d", work.resolve("out").toString(), "--module-path",
                modulePath(), "-proc:none", "-nowarn", work.resolve("src/module-info.java").toString(),
                sources.resolve("Probe.java").toString());
        return new CompileResult(exitCode == 0, output.toString(StandardCharsets.UTF_8));
    }

    /**
     * The production dependencies (written by the build to {@code target/runtime-classpath.txt}; in a reactor build
     * the sibling modules appear as their class directories) as a module path.
     */
    private static String modulePath() throws IOException {
        String runtime = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        return Arrays.stream(runtime.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") || Files.exists(Path.of(entry, "module-info.class")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private record CompileResult(boolean succeeded, String output) {
    }
}
