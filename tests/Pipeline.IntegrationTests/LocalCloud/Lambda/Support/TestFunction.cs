using System.IO.Compression;
using System.Text;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>
/// Deployment packages for test functions: a <c>bootstrap</c> shell script that runs a small Runtime API loop in
/// python3 (urllib only). The event says what to do: <c>{"action":"echo"}</c> (the default) answers with the process id,
/// the event, the <c>/next</c> headers, the environment and the working directory; <c>sleep</c> waits
/// <c>seconds</c> first; <c>fail</c> posts an error; <c>crash</c> exits with <c>code</c>; <c>big</c> answers 7 MB;
/// <c>append</c> (and <c>fail</c> and <c>crash</c>, when given a <c>file</c>) appends <c>line</c> to <c>file</c>. An SQS
/// or SNS event is read as its first record's body or message, when that is a JSON object. Each process
/// appends its pid to <c>STARTS_FILE</c> when that is set; <c>INIT_ERROR</c> makes it post an init error,
/// <c>EXIT_AT_START</c> makes it exit before asking for work.
/// </summary>
internal static class TestFunction
{
    private const int ExecutableFile = 0b1000_000_111_101_101 << 16;
    private const int RegularFile = 0b1000_000_110_100_100 << 16;

    private const string Script = """
        import json, os, sys, time, urllib.request, urllib.error
        api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"

        def post(url, body, headers=None):
            request = urllib.request.Request(url, data=body, method="POST", headers=headers or {})
            try:
                with urllib.request.urlopen(request) as response:
                    return response.status
            except urllib.error.HTTPError as e:
                print("post answered", e.code, e.read().decode(), flush=True)
                return e.code

        def append(event):
            if isinstance(event, dict) and event.get("file"):
                with open(event["file"], "a") as f:
                    f.write(event.get("line", "x") + "\n")

        starts = os.environ.get("STARTS_FILE")
        if starts:
            with open(starts, "a") as f:
                f.write(str(os.getpid()) + "\n")
        if os.environ.get("INIT_ERROR"):
            post(api + "/init/error", json.dumps({"errorMessage": "init failed on purpose", "errorType": "InitError"}).encode(),
                 {"Lambda-Runtime-Function-Error-Type": "InitError"})
            sys.exit(1)
        if os.environ.get("EXIT_AT_START"):
            sys.exit(4)
        print("ready pid", os.getpid(), flush=True)
        while True:
            with urllib.request.urlopen(api + "/invocation/next") as response:
                request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
                headers = dict(response.headers)
                event = json.loads(response.read() or b"null")
            if isinstance(event, dict) and isinstance(event.get("Records"), list) and event["Records"]:
                # An SQS or SNS event: the first record's body or message says what to do.
                record = event["Records"][0]
                text = record.get("body") if "body" in record else record.get("Sns", {}).get("Message")
                try:
                    inner = json.loads(text) if isinstance(text, str) else None
                except ValueError:
                    inner = None
                if isinstance(inner, dict):
                    event = inner
            action = event.get("action", "echo") if isinstance(event, dict) else "echo"
            if action == "sleep":
                time.sleep(event["seconds"])
            elif action == "crash":
                append(event)
                print("crashing on purpose", flush=True)
                os._exit(event.get("code", 3))
            elif action == "fail":
                append(event)
                post(api + "/invocation/" + request_id + "/error",
                     json.dumps({"errorMessage": "failed on purpose", "errorType": "TestError", "stackTrace": ["at test"]}).encode(),
                     {"Lambda-Runtime-Function-Error-Type": "TestError"})
                continue
            elif action == "append":
                append(event)
            if action == "big":
                body = b'"' + b"x" * (7 * 1024 * 1024) + b'"'
            else:
                body = json.dumps({"pid": os.getpid(), "event": event, "headers": headers, "cwd": os.getcwd(),
                                   "env": dict(os.environ)}).encode()
            post(api + "/invocation/" + request_id + "/response", body)
        """;

    /// <summary>The package; <paramref name="exec"/> false leaves python a child of the shell, as a careless bootstrap would.</summary>
    public static byte[] Package(bool exec = true)
    {
        // In CI a missing interpreter fails here, with the reason, rather than as a puzzling function error.
        var python = Tools.Python ?? throw new InvalidOperationException(Tools.PythonMissing);
        var bootstrap = exec
            ? $"#!/bin/sh\nexec \"{python}\" \"$LAMBDA_TASK_ROOT/function.py\"\n"
            : $"#!/bin/sh\n\"{python}\" \"$LAMBDA_TASK_ROOT/function.py\"\necho \"python ended with $?\"\n";
        return Zip(("bootstrap", bootstrap, ExecutableFile), ("function.py", Script.Replace("\r\n", "\n", StringComparison.Ordinal), RegularFile));
    }

    /// <summary>A package whose bootstrap needs nothing installed, for tests that never invoke it.</summary>
    public static byte[] Inert() => Zip(("bootstrap", "#!/bin/sh\nexit 0\n", ExecutableFile));

    private static byte[] Zip(params (string Name, string Content, int Attributes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, attributes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.ExternalAttributes = attributes;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
