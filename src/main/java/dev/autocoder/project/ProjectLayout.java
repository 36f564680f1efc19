package dev.autocoder.project;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core knows about the consuming project, read by the Maven adapter from the running
 * build: where its sources are, what it depends on, how it compiles and checks its code, and its
 * effective build, which every verification sub-build runs.
 *
 * @param baseDirectory the module's base folder
 * @param javaRelease the Java release the project compiles for ({@code "17"}), from the compiler
 *     plugin's configuration or the {@code maven.compiler.*} properties
 * @param mainSourceRoots the project's own main source folders that exist (autocoder's own output excluded)
 * @param testSourceRoots the project's own test source folders that exist
 * @param dependencies every resolved dependency, all scopes
 * @param pluginVersions versions the project uses for the plugins a sub-build may add, by artifactId
 *     ({@code maven-checkstyle-plugin})
 * @param checkstyle the project's own maven-checkstyle-plugin setup, when its POM has one
 * @param compiler what javac is given in the project's build besides sources and classpath
 * @param build the project's effective build, which sub-builds run
 */
public record ProjectLayout(Path baseDirectory, String javaRelease, List<Path> mainSourceRoots,
        List<Path> testSourceRoots, List<Dependency> dependencies, Map<String, String> pluginVersions,
        Optional<CheckstyleSetup> checkstyle, CompilerSetup compiler, BuildModel build) {

    public ProjectLayout {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(javaRelease, "javaRelease");
        mainSourceRoots = List.copyOf(mainSourceRoots);
        testSourceRoots = List.copyOf(testSourceRoots);
        dependencies = List.copyOf(dependencies);
        pluginVersions = Map.copyOf(pluginVersions);
        Objects.requireNonNull(checkstyle, "checkstyle");
        Objects.requireNonNull(compiler, "compiler");
        Objects.requireNonNull(build, "build");
    }

    /**
     * The consuming POM's maven-checkstyle-plugin setup, for the fingerprint and for deciding whether
     * the sub-build must add checkstyle itself.
     *
     * @param configurationXml the plugin's {@code <configuration>} element as XML, followed by each
     *     {@code check} execution's, or empty
     * @param dependenciesXml the plugin's {@code <dependencies>} element as XML (to pin the
     *     checkstyle version), or empty
     */
    public record CheckstyleSetup(String configurationXml, String dependenciesXml) {
        public CheckstyleSetup {
            Objects.requireNonNull(configurationXml, "configurationXml");
            Objects.requireNonNull(dependenciesXml, "dependenciesXml");
        }
    }

    /**
     * What the project's maven-compiler-plugin gives javac, so that the in-process compile sees what
     * javac sees in the real build: the main code as its {@code default-compile} execution compiles
     * it, the tests as its {@code default-testCompile} execution does.
     *
     * @param processorPath the resolved {@code annotationProcessorPaths}; empty when the project
     *     configures none, in which case javac finds processors (Lombok, MapStruct) on the classpath
     * @param main how the main code is compiled
     * @param test how the tests are compiled
     * @param testClassReaders the plugins bound between the test compile and the tests
     *     ({@code process-test-classes}) as {@code artifactId:executionId}: they may need every
     *     test class the compile writes, so a round must not compile only some of them
     * @param encoding the encoding javac reads the sources in (the compiler plugin's
     *     {@code encoding}, {@code project.build.sourceEncoding} by default), or empty when the
     *     project declares none
     */
    public record CompilerSetup(List<Path> processorPath, Compile main, Compile test, List<String> testClassReaders,
            Optional<Charset> encoding) {

        /** A project that gives javac nothing beyond sources, classpath and release. */
        public static final CompilerSetup PLAIN = new CompilerSetup(List.of(), Compile.DEFAULT, Compile.DEFAULT,
                List.of());

        public CompilerSetup {
            processorPath = List.copyOf(processorPath);
            Objects.requireNonNull(main, "main");
            Objects.requireNonNull(test, "test");
            testClassReaders = List.copyOf(testClassReaders);
            Objects.requireNonNull(encoding, "encoding");
        }

        /** A setup whose project declares no source encoding. */
        public CompilerSetup(List<Path> processorPath, Compile main, Compile test, List<String> testClassReaders) {
            this(processorPath, main, test, testClassReaders, Optional.empty());
        }

        /**
         * One compile of the project's build, as the compiler plugin runs it.
         *
         * @param release the release javac compiles for ({@code "8"}), or empty for the project's
         *     {@link ProjectLayout#javaRelease()}
         * @param includes the source patterns it compiles, below each source root, Ant style
         *     ({@code **}{@code /*.java}); empty for every {@code .java} file
         * @param excludes the source patterns it leaves out ({@code module-info.java})
         * @param arguments further javac options: {@code compilerArgs}, {@code compilerArgument(s)},
         *     {@code -parameters}, {@code --enable-preview}, {@code -proc:none}, {@code -processor},
         *     {@code -A...}
         */
        public record Compile(Optional<String> release, List<String> includes, List<String> excludes,
                List<String> arguments) {

            /** Every source file, the project's release, no options. */
            public static final Compile DEFAULT = new Compile(Optional.empty(), List.of(), List.of(), List.of());

            public Compile {
                Objects.requireNonNull(release, "release");
                includes = List.copyOf(includes);
                excludes = List.copyOf(excludes);
                arguments = List.copyOf(arguments);
            }
        }
    }

    /**
     * The module's effective build as Maven computed it for the outer build, ready to be run on its
     * own: parents merged, active profiles applied, properties interpolated.
     *
     * @param effectivePom the effective POM as XML, without {@code <parent>}, {@code <modules>} and
     *     {@code <profiles>} (already applied), without autocoder's own plugin, with reactor modules
     *     as system-scoped files (their dependencies listed explicitly) and with plugin settings that
     *     name an existing file relative to the base folder made absolute
     * @param buildDirectory the project's {@code ${project.build.directory}} as the effective POM
     *     spells it, which a sub-build replaces with a folder of its own
     * @param selfPlugin autocoder's own plugin as {@code groupId:artifactId:version}, which a
     *     sub-build declares (skipped) to add the candidate's sources as the real build adds them
     * @param earlierOutputs the output folders of autocoder executions that ran before this one in
     *     the module, whose verified code the real build compiles along
     * @param dependents the reactor's modules that depend on this one, directly or through each
     *     other, in reactor order, by artifactId
     * @param dependentBuilds those of them that the final check builds along, with their tests, in
     *     reactor order; the others are named as left out of it
     */
    public record BuildModel(String effectivePom, Path buildDirectory, String selfPlugin,
            List<GeneratedRoots> earlierOutputs, List<String> dependents, List<DependentBuild> dependentBuilds) {
        public BuildModel {
            Objects.requireNonNull(effectivePom, "effectivePom");
            Objects.requireNonNull(buildDirectory, "buildDirectory");
            Objects.requireNonNull(selfPlugin, "selfPlugin");
            earlierOutputs = List.copyOf(earlierOutputs);
            dependents = List.copyOf(dependents);
            dependentBuilds = List.copyOf(dependentBuilds);
        }

        /** The build of a module in which autocoder runs once and that no other module depends on. */
        public BuildModel(String effectivePom, Path buildDirectory, String selfPlugin) {
            this(effectivePom, buildDirectory, selfPlugin, List.of(), List.of(), List.of());
        }

        /** The dependents the final check does not build. */
        public List<String> dependentsNotBuilt() {
            return dependents.stream().filter(name -> dependentBuilds.stream()
                    .noneMatch(build -> build.name().equals(name))).toList();
        }
    }

    /**
     * A module of the reactor that builds on this one, as the final check builds it after this
     * module's copy: its own effective POM, its dependencies on this module and on the other
     * dependents it builds pointing at their copies.
     *
     * @param name its artifactId
     * @param key its {@code groupId:artifactId}, by which the other dependents' POMs name it
     * @param baseDirectory its base folder, copied as this module's is
     * @param buildDirectory its build folder, left out of the copy
     * @param effectivePom its effective POM as XML, written as this module's is, its dependencies on
     *     this module and on the other dependents left by {@code groupId:artifactId} for the copy to
     *     point at their copies
     */
    public record DependentBuild(String name, String key, Path baseDirectory, Path buildDirectory,
            String effectivePom) {
        public DependentBuild {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(baseDirectory, "baseDirectory");
            Objects.requireNonNull(buildDirectory, "buildDirectory");
            Objects.requireNonNull(effectivePom, "effectivePom");
        }
    }

    /**
     * The source roots one autocoder execution adds.
     *
     * @param main its verified main sources
     * @param test the tests the model wrote
     */
    public record GeneratedRoots(Path main, Path test) {
        public GeneratedRoots {
            Objects.requireNonNull(main, "main");
            Objects.requireNonNull(test, "test");
        }
    }

    /** The project's build folder, where nothing but autocoder's own state and output may be written. */
    public Path buildDirectory() {
        return build.buildDirectory();
    }
}
