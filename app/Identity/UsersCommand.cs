using System.CommandLine;

namespace StudentRecords.App.Identity;

/// <summary>
/// <c>StudentRecords.App users add|list|role|disable|enable</c>: staff accounts without a browser (the
/// first administrator; operators in a one-off ECS task). The password is read from standard input,
/// never from an argument or the environment. Exit 0 on success, 2 with one line on stderr otherwise.
/// </summary>
public static class UsersCommand
{
    public const int Refused = 2;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var actor = $"command line ({Environment.UserName})";

        var email = new Option<string>("--email") { Description = "the user's e-mail address, which is also the user name", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(", ", StaffRoles.All), Required = true };

        var add = new Command("add", "create a user; the password is read from standard input") { email, role };
        add.SetAction(async (parse, _) => Report(await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, ReadPassword(input, errors), actor), errors));
        var list = new Command("list", "every user with role and state");
        list.SetAction(async (_, _) =>
        {
            foreach (var account in await accounts.ListAsync())
                await output.WriteLineAsync($"{account.Email}\t{account.Role}\t{State(account)}");
            return 0;
        });
        var changeRole = new Command("role", "give a user another role") { email, role };
        changeRole.SetAction(async (parse, _) => Report(await accounts.SetRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!, actor), errors));
        var disable = new Command("disable", "stop a user signing in; live sessions end within a minute") { email };
        disable.SetAction(async (parse, _) => Report(await accounts.SetDisabledAsync(parse.GetValue(email)!, true, actor), errors));
        var enable = new Command("enable", "let a disabled user sign in again") { email };
        enable.SetAction(async (parse, _) => Report(await accounts.SetDisabledAsync(parse.GetValue(email)!, false, actor), errors));

        var users = new RootCommand("Staff accounts of the Student Records app") { add, list, changeRole, disable, enable };
        var parsed = users.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await errors.WriteLineAsync($"users: {string.Join("; ", parsed.Errors.Select(e => e.Message))} (see 'users --help')");
            return Refused;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
    }

    private static int Report(string? problem, TextWriter errors)
    {
        if (problem is null) return 0;
        errors.WriteLine($"users: {problem}");
        return Refused;
    }

    private static string State(StaffAccounts.Account account) =>
        account.Disabled ? "disabled" : account.LockedOutUntil is { } until ? $"locked until {until:u}" : "active";

    /// <summary>One line from standard input; typed at a terminal, it is not echoed.</summary>
    private static string ReadPassword(TextReader input, TextWriter errors)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected) return input.ReadLine() ?? "";
        errors.Write("Password: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        errors.WriteLine();
        return typed.ToString();
    }
}
