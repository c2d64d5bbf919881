using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata withdraw &lt;batch&gt; --reason "…"`: takes a loaded batch out of every view, keeping it for audit.</summary>
internal static class WithdrawCommand
{
    private static long Refuse(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return 0;
    }

    public static Command Create()
    {
        var batch = new Argument<long>("batch")
        {
            Description = "The batch number, as a load prints it and v_load_history lists it.",
            CustomParser = result => long.TryParse(result.Tokens.Single().Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number
                : Refuse(result, $"'{result.Tokens.Single().Value}' is not a batch number: give the number a load printed (\"loaded as batch 12\") or v_load_history lists."),
        };
        var reason = new Option<string>("--reason") { Description = "Why the batch is withdrawn (kept with it for good, in v_load_history: name no person in it).", Required = true };
        var by = new Option<string?>("--by") { Description = "Who withdraws it (default: the user running the command)." };
        var command = new Command(
            "withdraw",
            "Take a loaded batch out of every view (its facts or return are kept for audit and marked withdrawn); what it had superseded becomes current again.")
        {
            batch, reason, by,
        };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            var request = new WithdrawalRequest(parse.GetValue(batch), parse.GetValue(reason) ?? "", parse.GetValue(by) ?? Environment.UserName);
            if (request.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync($"staffdata: {problem}");
                return ExitCodes.Configuration;
            }

            if (await LoadedWarehouse.RefusedAsync(services, "nothing was withdrawn", ct))
            {
                return ExitCodes.Configuration;
            }

            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var result = await services.GetRequiredService<IBatchWithdrawal>().WithdrawAsync(request, ct);
            var done = result.Outcome == WithdrawalOutcome.Withdrawn;
            foreach (var line in WithdrawalSentences.Of(result))
            {
                await (done ? Console.Out : Console.Error).WriteLineAsync(line);
            }

            return done ? ExitCodes.Success : ExitCodes.SomeFilesNotLoaded;
        }));
        return command;
    }
}
