// Runs after the consumer project's own `mvn verify` succeeded (invoker postBuildHookScript).
// Proves the user's journey end to end: the processor ran during their build, and the server they
// built starts over stdio and shows their tool to an MCP client (initialize + tools/list + tools/call).
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

File target = new File(basedir, 'target')

// 0. The user's `mvn verify` itself succeeded (the invoker runs this script either way).
String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('BUILD SUCCESS') : "the consumer project's build failed:\n" +
        buildLog.readLines().findAll { it.startsWith('[ERROR]') }.take(40).join('\n')

// 1. The processor ran in the user's build: its ServiceLoader registration is in the user's classes.
File services = new File(target, 'classes/META-INF/services/dev.toolwarden.runtime.spi.ToolBundle')
assert services.isFile() : "the processor did not register a ToolBundle: no ${services}"
assert services.text.readLines().any { it.trim() && !it.startsWith('#') } : "${services} lists no bundle"

// 2. Start the built server exactly as a user would: its classes plus its run-time class path.
File cpFile = new File(target, 'classpath.txt')
assert cpFile.isFile() : "no ${cpFile} (maven-dependency-plugin build-classpath)"
String classpath = new File(target, 'classes').path + File.pathSeparator + cpFile.text.trim()
String java = new File(System.getProperty('java.home'), 'bin/java').path
// The consumer is a named module (src/main/java/module-info.java). A modular jar runs on the class path as
// well, so the same journey runs twice: as a class-path application (module-info ignored, ServiceLoader reads
// META-INF/services) and as a module-path application (only the runtime's exported packages are readable,
// ServiceLoader reads the module's `provides`).
assert new File(target, 'classes/module-info.class').isFile() : 'the consumer was not compiled as a module'
Map<String, List<String>> launches = [
    'class-path' : [java, '-cp', classpath, 'dev.toolwarden.it.consumer.Main'],
    'module-path': [java, '--module-path', classpath, '--module', 'dev.toolwarden.it.consumer/dev.toolwarden.it.consumer.Main'],
]
launches.each { String mode, List<String> launch ->
    File stderrLog = new File(target, "server-stderr-${mode}.log")
    Process server = new ProcessBuilder(launch)
            .redirectError(stderrLog)
            .start()

    def slurper = new JsonSlurper()
    def lines = new LinkedBlockingQueue<String>()
    def stdoutLines = Collections.synchronizedList([])
    Thread reader = Thread.start('consumer-server-stdout') {
        server.inputStream.withReader('UTF-8') { r ->
            String line
            while ((line = r.readLine()) != null) {
                stdoutLines << line
                lines.put(line)
            }
        }
    }
    Writer toServer = new OutputStreamWriter(server.outputStream, 'UTF-8')

    def send = { Map message ->
        toServer.write(JsonOutput.toJson(message) + '\n')
        toServer.flush()
    }
    def awaitResponse = { int id ->
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS)
            if (line == null) {
                assert server.isAlive() : "the server exited (${server.exitValue()}) before answering request ${id}; stderr:\n${stderrLog.text}"
                continue
            }
            def message = slurper.parseText(line) // stdout carries only protocol: every line is JSON
            if (message.id == id) {
                return message
            }
        }
        throw new AssertionError("no answer to request ${id} within 60 s; stderr:\n${stderrLog.text}")
    }

    try {
        send([jsonrpc: '2.0', id: 1, method: 'initialize', params: [
                protocolVersion: '2025-11-25', capabilities: [:],
                clientInfo: [name: 'consumer-verify', version: '1.0']]])
        def init = awaitResponse(1)
        assert init.result : "initialize failed: ${init}"
        assert init.result.serverInfo.name == 'consumer' : "serverInfo: ${init.result.serverInfo}"
        assert init.result.capabilities.tools != null : "no tools capability: ${init.result.capabilities}"
        send([jsonrpc: '2.0', method: 'notifications/initialized'])

        send([jsonrpc: '2.0', id: 2, method: 'tools/list', params: [:]])
        def list = awaitResponse(2)
        assert list.result : "tools/list failed: ${list}"
        def greet = list.result.tools.find { it.name == 'greet' }
        assert greet : "tool 'greet' not listed: ${list.result.tools*.name}"
        def nameSchema = greet.inputSchema.properties.name
        assert greet.inputSchema.type == 'object'
        assert nameSchema.type == 'string' : "schema of name: ${nameSchema}"
        assert nameSchema.maxLength == 20 : "@Size(max = 20) not in the schema: ${nameSchema}"
        assert greet.inputSchema.additionalProperties == false

        send([jsonrpc: '2.0', id: 3, method: 'tools/call', params: [name: 'greet', arguments: [name: 'Ada']]])
        def call = awaitResponse(3)
        assert call.result && !call.result.isError : "greet failed: ${call}"
        assert call.result.content*.text.contains('Hello, Ada!') : "greet answered: ${call.result}"

        send([jsonrpc: '2.0', id: 4, method: 'tools/call', params: [name: 'greet', arguments: [name: 'x' * 21]]])
        def tooLong = awaitResponse(4)
        assert tooLong.result?.isError == true : "a 21-character name must be an isError result: ${tooLong}"

        // stdin EOF: the server exits by itself, cleanly
        toServer.close()
        assert server.waitFor(20, TimeUnit.SECONDS) : "the server did not exit within 20 s of stdin EOF"
        assert server.exitValue() == 0 : "exit code ${server.exitValue()} after stdin EOF; stderr:\n${stderrLog.text}"
        reader.join(5000)
        stdoutLines.each { slurper.parseText(it) }
        println "consumer server OK (${mode}): tools ${list.result.tools*.name}, ${stdoutLines.size()} protocol lines on stdout"
    } finally {
        if (server.isAlive()) {
            server.descendants().each { it.destroyForcibly() }
            server.destroyForcibly()
        }
    }
}
return true
