using System.CommandLine;
using System.Text;
using StaffDataPipeline.Service.Dashboard;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata hash-password --user NAME`: reads a password (not echoed) and prints the settings line for a dashboard user.</summary>
internal static class HashPasswordCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The dashboard user's name.", Required = true };
        var command = new Command("hash-password", "Read a password from standard input and print the Serve:Dashboard:Users entry (with its hash, never the password) for the settings file.") { user };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(user)!;
            var password = ReadPassword();
            if (password.Length < 12)
            {
                Console.Error.WriteLine("staffdata: use a password of at least 12 characters.");
                return ExitCodes.Configuration;
            }

            var hash = RequestAccess.Hash(name, password);
            Console.WriteLine($"{{ \"Name\": \"{name}\", \"PasswordHash\": \"{hash}\", \"ReadOnly\": true }}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
