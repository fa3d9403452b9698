// The build failed (invoker.buildResult = failure); prove it failed for the right reason, on the
// exact line of each literal, and that no secret reached the build log. The source and the secrets
// were written by setup.groovy (random on every run).
final String EXPECTED_RULE = 'TW-SECRET-STRIPE'

String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/tools/RepoTools.java')
List<String> lines = source.readLines()
List<String> secrets = new File(basedir, 'target/planted-secrets.txt').readLines().findAll { it }
assert secrets.size() == 2

int fieldLine = lines.findIndexOf { it.contains('STRIPE_KEY = "') } + 1
int concatLine = lines.findIndexOf { it.contains('String apiKey = "') } + 1
assert fieldLine > 0 && concatLine > 0

String rule = java.util.regex.Pattern.quote(EXPECTED_RULE)
// maven-compiler-plugin prints: [ERROR] /…/RepoTools.java:[LINE,COL] [TW-SECRET] [TW-SECRET-STRIPE] literal secret: …
def errorOn = { int line -> ~/(?m)^\[ERROR\] .*RepoTools\.java:\[${line},\d+\].*\[TW-SECRET\].*\[${rule}\].*$/ }
assert log =~ errorOn(fieldLine) : "no [${EXPECTED_RULE}] error on RepoTools.java line ${fieldLine} (the constant) in build.log:\n${log}"
assert log =~ errorOn(concatLine) : "no [${EXPECTED_RULE}] error on RepoTools.java line ${concatLine} (the concatenation in 'apiKey') in build.log:\n${log}"
assert (log =~ errorOn(concatLine))[0].contains("'apiKey'") : "the concatenation's finding does not name 'apiKey':\n${(log =~ errorOn(concatLine))[0]}"
assert log =~ /(?m)^\[ERROR\] .*COMPILATION ERROR|BUILD FAILURE/ : 'the compiler did not fail the build'

// the message masks the value: neither a key, nor its random body, nor any 12-character piece of it is printed
secrets.each { String secret ->
    String body = secret.substring(secret.lastIndexOf('_') + 1)
    assert !log.contains(secret) : 'a secret was printed into the build log'
    assert !log.contains(body) : 'the body of a secret was printed into the build log'
    (0..(body.length() - 12)).each { int i ->
        assert !log.contains(body.substring(i, i + 12)) : "12 characters of a secret's body were printed into the build log"
    }
}
println "literal secrets rejected at RepoTools.java:${fieldLine} and :${concatLine}: ${(log =~ errorOn(fieldLine))[0]}"
return true
