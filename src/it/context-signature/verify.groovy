def requests = dev.autocoder.testing.ItSupport.stopServer(basedir)
def log = new File(basedir, 'build.log').text

// The first request already showed the model Ledger's signature and the acceptance test, so the
// scripted model gave the right answer at once: one generation, one review.
def first = requests[0].messagesText()
assert first.contains('balance(YearMonth month, boolean includePending)') : 'Ledger signature in context'
assert first.contains('Statement.render(ledger, YearMonth.of(2026, 11), true)') : 'acceptance test in context'
assert !first.contains('sum += postings') : 'signatures only, no method bodies'
assert requests.size() == 2 : "requests: " + requests.size()
assert log.contains('[statement] verified after 1 attempt(s)')
assert new File(basedir, 'target/surefire-reports/TEST-com.example.ledger.StatementTest.xml').text.contains('failures="0"')
true
