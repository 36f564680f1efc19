"""How the recorded sub-build logs and surefire reports here were made (see SubBuildResultsLogTest).

One real sub-build folder (SubBuildVerifierIT's batch, modules c0-c3, with c1's Greeter made not to compile
and a PricesTest added to c3) was built again with Maven 3.8.7 as the verifier runs it
(mvn -B -ntp -o -Dautocoder.skip=true -T 1 -fae test), once plainly and once each with
-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS",
-Dorg.slf4j.simpleLogger.showThreadName=true and -Dstyle.color=always. This script turns the machine's paths
into @FOLDER@/@PROJECT@ placeholders, writes the plain log with CRLF ends, and writes the Windows forms: the
same log and reports with every path into the sub-build, project and repository as Maven on Windows prints it.
"""
import re, os, sys
F = "/tmp/junit-3093437829992442175/state/subbuild/build-11450824413931365883"
P = "/tmp/junit-3093437829992442175/project"
REPO = "/work/wt-results/target/local-repo"
OUT = "/work/wt-results/src/test/resources/dev/autocoder/verify/subbuild-logs"
WF = r"C:\Users\dev\acme\billing\target\autocoder\default\subbuild\build-7"
WP = r"C:\Users\dev\acme\billing"
WREPO = r"C:\Users\dev\.m2\repository"

def generic(text):
    return text.replace(F, "@FOLDER@").replace(P, "@PROJECT@").replace(REPO, "/home/dev/.m2/repository")

def windows(text):
    """How Maven on Windows prints the same run: plexus-compiler names a file /C:/..., a URL is file:/C:/...,
    everything else is the platform's C:\\... with backslashes."""
    def path(m, slash_form):
        root, rest = m.group(1), m.group(2)
        base = {"F": WF, "P": WP, "R": WREPO}[root]
        if slash_form:
            return "/" + base.replace("\\", "/") + rest
        return base + rest.replace("/", "\\")
    marked = text.replace(F, "\x01F").replace(P, "\x01P").replace(REPO, "\x01R")
    token = r"\x01([FPR])([^\s()\[\]:;\"'<>]*)"
    # compiler lines and URLs: forward slashes with a leading slash before the drive
    marked = re.sub(r"(file:)" + token, lambda m: m.group(1) + path(re.match(token, m.group(0)[5:]), True), marked)
    marked = re.sub(token + r"(?=:\[\d)", lambda m: path(m, True), marked)
    return re.sub(token, lambda m: path(m, False), marked)

def read(name):
    with open(name, encoding="utf-8") as f:
        return f.read()

def write(name, text, crlf=False):
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)

for name in ["plain", "timestamped", "threads", "coloured"]:
    write(name + ".log", generic(read("/tmp/rec/%s.log" % name)))
write("crlf.log", generic(read("/tmp/rec/plain.log")), crlf=True)
write("windows.log", windows(read("/tmp/rec/plain.log")), crlf=True)
os.makedirs(OUT + "/reports", exist_ok=True)
os.makedirs(OUT + "/reports-windows", exist_ok=True)
for xml in ["TEST-com.example.count.CounterTest.xml", "TEST-com.example.count.PricesTest.xml"]:
    write("reports/" + xml, generic(read("/tmp/rec/" + xml)))
    write("reports-windows/" + xml, windows(read("/tmp/rec/" + xml)).replace(":C:\\", ";C:\\"), crlf=True)
