// The build failed (invoker.buildResult = failure); prove it failed for the right reason, on the
// exact element: the `String token` parameter of ApiTools.callApi (its line and the column of its name).
final String EXPECTED_RULE = 'TW-TOKEN-PASSTHROUGH'

String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/tools/ApiTools.java')
List<String> lines = source.readLines()
int tokenLine = lines.findIndexOf { it.contains('String token') } + 1
int tokenColumn = lines[tokenLine - 1].indexOf('token)') + 1 // javac reports a parameter at its name
int maxTokensLine = lines.findIndexOf { it.contains('int maxTokens') } + 1
assert tokenLine > 0 && maxTokensLine > 0

String rule = java.util.regex.Pattern.quote(EXPECTED_RULE)
// maven-compiler-plugin prints: [ERROR] /…/ApiTools.java:[LINE,COL] [TW-…] message
def error = ~/(?m)^\[ERROR\] .*ApiTools\.java:\[${tokenLine},${tokenColumn}\] \[${rule}\] parameter 'token' of callApi\(\) .*$/
assert log =~ error : "no [${EXPECTED_RULE}] error on ApiTools.java:[${tokenLine},${tokenColumn}] (String token) in build.log:\n${log}"
assert (log =~ error)[0].contains('Fix: ') : "the error carries no fix: ${(log =~ error)[0]}"
assert log =~ /(?m)^\[ERROR\] .*COMPILATION ERROR|BUILD FAILURE/ : 'the compiler did not fail the build'
// not `int maxTokens`: a count of model tokens is no credential (the line may carry other findings, e.g. a
// missing scope on the method, but never this rule)
assert !(log =~ ~/(?m)ApiTools\.java:\[${maxTokensLine},\d+\] \[${rule}\]/) : "int maxTokens (line ${maxTokensLine}) was flagged:\n${log}"
assert !log.contains("'maxTokens'") : "maxTokens was named in a finding:\n${log}"
// exactly one distinct token-passthrough finding (Maven prints each compiler error twice)
def findings = (log =~ ~/ApiTools\.java:\[\d+,\d+\] \[${rule}\]/).collect { it }.toSet()
assert findings.size() == 1 : "expected one ${EXPECTED_RULE} finding, got ${findings}"
println "token passthrough rejected at ApiTools.java:${tokenLine}: ${(log =~ error)[0]}"
return true
