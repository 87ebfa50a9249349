using System.CommandLine;
using Pipeline.Generator.Aws;
using Pipeline.Generator.Cli;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// The generator's command run in-process: its exit code, everything it wrote to stderr and stdout, and the connection
/// it asked the client factory for (null when it never got that far).
/// </summary>
internal sealed record CommandRun(int ExitCode, string Error, byte[] Output, FirehoseConnection? Connection)
{
    public static async Task<CommandRun> RunAsync(string[] args, FakeFirehoseClient? client = null, TimeProvider? time = null)
    {
        var error = new StringWriter();
        var output = new MemoryStream();
        var clients = new FakeFirehoseClientFactory(client ?? new FakeFirehoseClient());
        var host = new GeneratorHost
        {
            Error = error,
            OpenStandardOutput = () => output,
            ErrorIsTerminal = false,
            Time = time ?? TimeProvider.System,
            Clients = clients,
        };
        var exitCode = await GeneratorCommand.Create(host).Parse(args).InvokeAsync(new InvocationConfiguration { Error = error, Output = error });
        return new CommandRun(exitCode, error.ToString(), output.ToArray(), clients.Connection);
    }
}
