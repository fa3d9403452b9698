// The build failed (invoker.buildResult = failure); prove it failed because the runtime's module does not export
// its internal packages — on the import line — and not for any other reason (the public API compiled fine).
String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/sneaky/Sneaky.java')
int importLine = source.readLines().findIndexOf { it.contains('runtime.internal.config.Config;') } + 1
assert importLine > 0

def refused = ~/(?m)^\[ERROR\] .*Sneaky\.java:\[${importLine},\d+\] package dev\.toolwarden\.runtime\.internal\.config is not visible.*$/
assert log =~ refused : "no 'not visible' error on Sneaky.java:${importLine} in build.log:\n${log}"
assert log.contains('does not export it') : "javac did not say the runtime module does not export the package:\n${log}"
// the API import two lines above compiled: no error names dev.toolwarden.runtime.Toolwarden
assert !(log =~ /(?m)^\[ERROR\] .*Toolwarden[^_]/) : "the public API was refused too:\n${log}"
println "internal package refused at Sneaky.java:${importLine}: ${(log =~ refused)[0]}"
return true
