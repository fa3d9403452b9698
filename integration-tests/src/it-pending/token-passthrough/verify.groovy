// The build failed (invoker.buildResult = failure); prove it failed for the right reason, on the
// exact element: the `String token` parameter of ApiTools.callApi.
final String EXPECTED_RULE = null // TODO: the processor's rule id for token passthrough, e.g. 'TW-…'

String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/tools/ApiTools.java')
List<String> lines = source.readLines()
int tokenLine = lines.findIndexOf { it.contains('String token') } + 1
int maxTokensLine = lines.findIndexOf { it.contains('int maxTokens') } + 1
assert tokenLine > 0 && maxTokensLine > 0

String rule = EXPECTED_RULE == null ? /TW-[A-Za-z0-9_-]+/ : java.util.regex.Pattern.quote(EXPECTED_RULE)
// maven-compiler-plugin prints: [ERROR] /…/ApiTools.java:[LINE,COL] [TW-…] message
def error = ~/(?m)^\[ERROR\] .*ApiTools\.java:\[${tokenLine},\d+\].*\[${rule}\].*$/
assert log =~ error : "no [TW-…] error on ApiTools.java line ${tokenLine} (String token) in build.log:\n${log}"
assert log =~ /(?m)^\[ERROR\] .*COMPILATION ERROR|BUILD FAILURE/ : 'the compiler did not fail the build'
// not `int maxTokens`: a count of model tokens is no credential
assert !(log =~ ~/(?m)ApiTools\.java:\[${maxTokensLine},\d+\].*TW-/) : "int maxTokens (line ${maxTokensLine}) was flagged:\n${log}"
println "token passthrough rejected at ApiTools.java:${tokenLine}: ${(log =~ error)[0]}"
return true
