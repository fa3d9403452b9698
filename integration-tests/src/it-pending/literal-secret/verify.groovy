// The build failed (invoker.buildResult = failure); prove it failed for the right reason, on the
// exact line of the literal, and that the secret itself never reached the build log.
final String EXPECTED_RULE = null // TODO: the processor's rule id for literal secrets, e.g. 'TW-…'

String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/tools/RepoTools.java')
List<String> lines = source.readLines()
int secretLine = lines.findIndexOf { it.contains('"ghp_') } + 1
assert secretLine > 0
String secret = (lines[secretLine - 1] =~ /"(ghp_[A-Za-z0-9]{36})"/)[0][1]

String rule = EXPECTED_RULE == null ? /TW-[A-Za-z0-9_-]+/ : java.util.regex.Pattern.quote(EXPECTED_RULE)
def error = ~/(?m)^\[ERROR\] .*RepoTools\.java:\[${secretLine},\d+\].*\[${rule}\].*$/
assert log =~ error : "no [TW-…] error on RepoTools.java line ${secretLine} (the literal) in build.log:\n${log}"
// the message masks the value: neither the token nor its 36-character body is printed
assert !log.contains(secret) : 'the secret was printed into the build log'
assert !log.contains(secret.substring(4)) : 'the body of the secret was printed into the build log'
println "literal secret rejected at RepoTools.java:${secretLine}: ${(log =~ error)[0]}"
return true
