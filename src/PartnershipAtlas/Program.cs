using PartnershipAtlas.Hosting;
using PartnershipAtlas.Imports;

var command = CommandLine.Parse(args);
switch (command.Command)
{
    case "import":
        return await ImportCommand.RunAsync(command);
    case "convert":
        return await PartnershipAtlas.Imports.ConvertCommand.RunAsync(command.Operands);
    case "migrate":
        return await PartnershipAtlas.Hosting.MigrateCommand.RunAsync(command.HostArgs);
    case "api-key":
        return PartnershipAtlas.Api.Auth.ApiKeyCommand.Run(command.Operands, command.HostArgs);
    case "backup" or "restore":
        return await PartnershipAtlas.Data.Backups.BackupCommands.RunAsync(command.Command, command.Operands, command.HostArgs);
    case "serve":
        var builder = WebApplication.CreateBuilder(command.HostArgs);
        builder.AddAtlas();
        var app = builder.Build();
        app.MapAtlas();
        await app.RunAsync();
        return 0;
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{command.Command}'. Commands: serve [--urls URL] [--no-default-data], import <dataset> FILE..., convert teaching-schools IN.xls OUT.csv, migrate, api-key [KEY] | add NAME ROLE... | rotate NAME, backup FILE, restore FILE");
        return 2;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
