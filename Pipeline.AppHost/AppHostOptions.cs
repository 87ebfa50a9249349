using System.CommandLine;

namespace Pipeline.AppHost;

/// <summary>The app host's command line.</summary>
public sealed record AppHostOptions(double GeneratorRate, string DataDirectory, int Port)
{
    public static RootCommand Command(Func<AppHostOptions, CancellationToken, Task<int>> run)
    {
        var rate = new Option<double>("--generator-rate")
        {
            Description = "Records per second the generator sends to each dataset's stream; 0 turns it off.",
            DefaultValueFactory = _ => 20,
        };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 100_000)
            {
                r.AddError("--generator-rate must be between 0 and 100000.");
            }
        });
        var dataDirectory = new Option<string>("--data-dir")
        {
            Description = "Where LocalCloud keeps all state (buckets, streams, logs); delete it to reset.",
            DefaultValueFactory = _ => ".pipeline",
        };
        var port = new Option<int>("--port")
        {
            Description = "The loopback port LocalCloud serves every AWS service on.",
            DefaultValueFactory = _ => 4566,
        };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                r.AddError("--port must be between 1 and 65535.");
            }
        });

        var command = new RootCommand("Runs the pipeline on this machine: LocalCloud on 127.0.0.1, the functions, and the generator.")
        {
            rate,
            dataDirectory,
            port,
        };
        command.SetAction((parse, cancellationToken) => run(
            new AppHostOptions(parse.GetValue(rate), parse.GetValue(dataDirectory)!, parse.GetValue(port)),
            cancellationToken));
        return command;
    }
}
