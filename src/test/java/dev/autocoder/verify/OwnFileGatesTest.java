package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gates of a project that scan the plugin's spec and lock folder, read from its effective POM. */
class OwnFileGatesTest {

    private static final Path BASE = Path.of("/work/shop").toAbsolutePath();
    private static final Path SPECS = BASE.resolve("src/main/autocoder");

    @Test
    void ratLicenseChecksAndAnAllFilesCheckstyleScanTheSpecFolder() {
        String pom = pom(rat("") + """
                <plugin>
                  <groupId>com.mycila</groupId>
                  <artifactId>license-maven-plugin</artifactId>
                </plugin>
                <plugin>
                  <artifactId>maven-checkstyle-plugin</artifactId>
                  <executions>
                    %2$s
                    <execution>
                      <id>java-style</id>
                      <configuration>
                        <sourceDirectories><sourceDirectory>%1$s/src/main/java</sourceDirectory></sourceDirectories>
                      </configuration>
                    </execution>
                  </executions>
                </plugin>
                """.formatted(BASE, nohttp("**/.git/**/*,**/target/**/*")));

        assertEquals(List.of("apache-rat-plugin", "license-maven-plugin",
                "maven-checkstyle-plugin (execution nohttp-checkstyle-validation)"),
                OwnFileGates.scanning(pom, BASE, SPECS));
    }

    @Test
    void gatesThatExcludeTheSpecFolderAreQuiet() {
        String pom = pom(rat("<configuration><excludes><exclude>src/main/autocoder/**</exclude></excludes>"
                + "</configuration>") + """
                <plugin>
                  <artifactId>maven-checkstyle-plugin</artifactId>
                  <executions>%s</executions>
                </plugin>
                """.formatted(nohttp("**/target/**/*,src/main/autocoder/**")));

        assertEquals(List.of(), OwnFileGates.scanning(pom, BASE, SPECS));
    }

    /** Spring's nohttp setup: checkstyle over every file of the module, less what {@code excludes} names. */
    private static String nohttp(String excludes) {
        return """
                <execution>
                  <id>nohttp-checkstyle-validation</id>
                  <configuration>
                    <sourceDirectories>%s</sourceDirectories>
                    <includes>**/*</includes>
                    <excludes>%s</excludes>
                  </configuration>
                </execution>
                """.formatted(BASE, excludes);
    }

    private static String rat(String configuration) {
        return "<plugin><groupId>org.apache.rat</groupId><artifactId>apache-rat-plugin</artifactId>" + configuration
                + "</plugin>";
    }

    private static String pom(String plugins) {
        return "<project><build><plugins>" + plugins + "</plugins></build></project>";
    }
}
