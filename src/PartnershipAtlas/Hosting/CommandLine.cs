namespace PartnershipAtlas.Hosting;

/// <summary>
/// The executable's commands: <c>serve</c> (the default; <c>--urls</c>, <c>--no-default-data</c>) and
/// <c>import &lt;dataset&gt; FILE...</c> (<c>--extract-date yyyy-MM-dd</c>, <c>--year 2019</c> for performance tables), <c>migrate</c>
/// and <c>api-key</c>. Other options pass to the host as configuration.
/// </summary>
public sealed record CommandLine(string Command, IReadOnlyList<string> Operands, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var operands = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--no-default-data":
                    hostArgs.Add("--Atlas:LoadDefaultData=false");
                    break;
                case "--extract-date" when i + 1 < rest.Length:
                    hostArgs.Add($"--Atlas:Import:ExtractDate={rest[++i]}");
                    break;
                case "--year" when i + 1 < rest.Length:
                    hostArgs.Add($"--Atlas:Import:Year={rest[++i]}");
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    hostArgs.Add(option);
                    if (!option.Contains('=') && i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal)) hostArgs.Add(rest[++i]);
                    break;
                default:
                    operands.Add(rest[i]);
                    break;
            }
        }
        return new CommandLine(command, operands, hostArgs.ToArray());
    }
}
