package dev.autocoder.verify;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The main class of a warm Maven: a JVM started once per run, as Maven's own launcher would start
 * it (the same JVM options, {@code maven.home}, {@code classworlds.conf}), that runs one build after
 * another with {@code MavenCli.doMain}, the entry point Maven keeps for embedding it. Maven's core
 * is loaded once from its installation's {@code bin/m2.conf} and stays JIT-compiled; each build
 * gets a fresh container, its plugins fresh realms (Maven disposes of them after the build), and
 * the system properties it started with.
 *
 * <p>It talks to {@link WarmMaven} over its standard streams. Each line on standard input is a
 * request: a {@link Properties} text in Base64 ({@code dir}, the working folder; {@code basedir},
 * the multi-module project folder the launcher would compute; {@code args}, how many arguments,
 * and {@code arg.N}). The build's output goes to standard output, followed by a line that starts with
 * {@link #MARKER} and gives Maven's exit code. Standard input is taken from the builds, so that
 * nothing a build runs reads the requests. The server stops at the end of its input, which is
 * also what happens when the JVM that started it goes away.
 *
 * <p>It depends on the JDK and on what Maven's installation holds, nothing else: its class is the
 * only one of this plugin it loads, from the plugin's own jar, which holds no component index
 * Maven's core would scan.
 */
public final class WarmMavenServer {

    /** Starts the lines this server writes itself; no build writes a line like it. */
    static final String MARKER = "\u0001autocoder-warm-maven ";
    static final String READY = "ready";
    static final String EXIT = "exit ";

    private WarmMavenServer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream requests = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Class<?> launcherType = Class.forName("org.codehaus.plexus.classworlds.launcher.Launcher");
        Object launcher = launcherType.getConstructor().newInstance();
        launcherType.getMethod("setSystemClassLoader", ClassLoader.class)
                .invoke(launcher, WarmMavenServer.class.getClassLoader());
        try (InputStream conf = new FileInputStream(System.getProperty("classworlds.conf"))) {
            launcherType.getMethod("configure", InputStream.class).invoke(launcher, conf);
        }
        Object world = launcherType.getMethod("getWorld").invoke(launcher);
        Class<?> cli = (Class<?>) launcherType.getMethod("getMainClass").invoke(launcher);
        ClassLoader mainRealm = (ClassLoader) launcherType.getMethod("getMainRealm").invoke(launcher);
        Class<?> worldType = Class.forName("org.codehaus.plexus.classworlds.ClassWorld");
        Method doMain = cli.getMethod("doMain", String[].class, String.class, PrintStream.class, PrintStream.class);
        out.println(MARKER + READY);
        out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Properties request = new Properties();
            request.load(new StringReader(new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8)));
            String[] arguments = new String[Integer.parseInt(request.getProperty("args"))];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = request.getProperty("arg." + i);
            }
            int exit = build(cli.getConstructor(worldType).newInstance(world), doMain, arguments,
                    request.getProperty("dir"), request.getProperty("basedir"), mainRealm, out, err);
            out.println();
            out.println(MARKER + EXIT + exit);
            out.flush();
        }
        // Whatever threads a build left behind, the run that wanted this JVM is over.
        System.exit(0);
    }

    /**
     * One build, as {@code mvn} would run it in {@code dir}: the system properties are the
     * server's own again afterwards (Maven sets each {@code -D} as one), and so are the thread's
     * context class loader and the standard streams.
     */
    private static int build(Object cli, Method doMain, String[] arguments, String dir, String basedir,
            ClassLoader mainRealm, PrintStream out, PrintStream err) throws IllegalAccessException {
        Properties before = new Properties();
        before.putAll(System.getProperties());
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try {
            System.setProperty("maven.multiModuleProjectDirectory", basedir);
            thread.setContextClassLoader(mainRealm);
            return (Integer) doMain.invoke(cli, arguments, dir, out, out);
        } catch (InvocationTargetException e) {
            out.println("[ERROR] Maven stopped: " + e.getCause());
            return 1;
        } finally {
            thread.setContextClassLoader(context);
            System.setOut(out);
            System.setErr(err);
            Set<Object> added = new HashSet<>(System.getProperties().keySet());
            added.removeAll(before.keySet());
            added.forEach(key -> System.getProperties().remove(key));
            before.forEach((key, value) -> System.getProperties().put(key, value));
        }
    }
}
