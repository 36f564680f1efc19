def log = new File(basedir, 'build.log').text
assert log.contains('autocoder: skipped (autocoder.skip)')
assert new File(basedir, 'target/classes/com/example/Earlier.class').isFile() : 'earlier output still compiles'
assert !new File(basedir, 'target/autocoder').exists() : 'a skipped run leaves no state'
true
