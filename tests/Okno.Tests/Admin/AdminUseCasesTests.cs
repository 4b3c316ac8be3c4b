using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Testing;

namespace Okno.Tests.Admin;

/// <summary>The admin use cases as the Blazor pages call them (no HTTP, no IP address), and the list shapes the pages
/// read: the role filter, group members, active agents per role.</summary>
public sealed class AdminUseCasesTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Agents_list_filters_by_role_and_names_an_unknown_role()
    {
        var (supervisor, _) = await okno.App.CreateAgentAsync(okno.Admin, role: "supervisor");
        await okno.App.CreateAgentAsync(okno.Admin, role: "agent");

        var page = await okno.Admin.GetJsonAsync("/api/v1/agents?role=supervisor&limit=100");
        Assert.Contains(supervisor, page.Items().Select(a => a.Id()));
        Assert.All(page.Items(), a => Assert.Equal("supervisor", a.Str("role")));

        var problem = await okno.Admin.GetJsonAsync("/api/v1/agents?role=boss", HttpStatusCode.BadRequest);
        Assert.Equal(["role"], problem.ErrorFields());
    }

    [Fact]
    public async Task Group_members_are_paged_by_agent()
    {
        var group = await okno.Admin.CreateGroupAsync();
        var (first, _) = await okno.App.CreateAgentAsync(okno.Admin, groupIds: [group]);
        var (second, _) = await okno.App.CreateAgentAsync(okno.Admin, groupIds: [group]);
        await okno.App.CreateAgentAsync(okno.Admin);

        var one = await okno.Admin.GetJsonAsync($"/api/v1/groups/{group}/members?limit=1");
        Assert.Equal([first], one.Items().Select(m => m.Id()));
        var cursor = one.GetProperty("nextCursor").GetString();
        var two = await okno.Admin.GetJsonAsync($"/api/v1/groups/{group}/members?limit=1&cursor={cursor}");
        Assert.Equal([second], two.Items().Select(m => m.Id()));
        Assert.Equal(JsonValueKindNull, two.GetProperty("nextCursor").ValueKind);
        Assert.Equal(2, (await okno.Admin.GetJsonAsync($"/api/v1/groups/{group}")).GetProperty("agentCount").GetInt32());
        await okno.Admin.GetJsonAsync("/api/v1/groups/999999/members", HttpStatusCode.NotFound);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Use_cases_from_the_ui_write_the_audit_without_an_ip_address()
    {
        var admin = await AdminAsync();
        var name = "UI group " + Guid.NewGuid().ToString("N")[..6];
        var group = await RunAsync<CreateGroup, GroupView>(u => u.ExecuteAsync(new GroupRequest(name, " Second line "), admin, null, default));
        Assert.Equal("Second line", group.Description);
        var renamed = await RunAsync<ChangeGroup, GroupView>(u => u.ExecuteAsync(group.Id, new GroupRequest(name + " b", null), admin, null, default));
        Assert.Equal(name + " b", renamed.Name);

        var email = $"ui-{Guid.NewGuid():N}@test.okno";
        var agent = await RunAsync<CreateAgent, AgentView>(u => u.ExecuteAsync(
            new CreateAgentRequest(email, "From the UI", AgentRole.Agent, "ui-password-1", [group.Id], "ru"), admin, null, default));
        Assert.Equal([group.Id], agent.GroupIds);
        Assert.Equal("ru", agent.Language);
        var changed = await RunAsync<ChangeAgent, AgentView>(u => u.ExecuteAsync(agent.Id,
            new ChangeAgentRequest(default, new(true, AgentRole.Supervisor), default, default, default, new(true, null)), admin, null, default));
        Assert.Equal(AgentRole.Supervisor, changed.Role);
        Assert.Null(changed.Language);
        Assert.Equal("From the UI", changed.Name);
        await RunAsync<DeactivateAgent, bool>(async u => { await u.ExecuteAsync(agent.Id, admin, null, default); return true; });

        var entries = await okno.App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Target == $"agent:{email}" || e.Target == $"agent:{agent.Id}" || e.Target == $"group:{name}" || e.Target == $"group:{group.Id}")
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["group.created", "group.changed", "agent.created", "agent.changed", "agent.deactivated"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Null(e.IpAddress));
        Assert.All(entries, e => Assert.Equal(admin.Id, e.AgentId));
        Assert.Contains("role Agent → Supervisor", entries[3].Details);
    }

    [Fact]
    public async Task An_actor_whose_claims_say_admin_but_who_was_demoted_since_is_refused()
    {
        var (id, _) = await okno.App.CreateAgentAsync(okno.Admin, role: "admin");
        var stale = await okno.App.WithDbAsync(db => okno.App.Service(s => s.GetRequiredService<IAgentAccounts>()).ActiveAsync(db, id, default));
        Assert.True(stale!.IsAdmin);
        await okno.Admin.PatchAsync($"/api/v1/agents/{id}", new { role = "agent" });

        var refused = await Assert.ThrowsAsync<OknoException>(() =>
            RunAsync<CreateGroup, GroupView>(u => u.ExecuteAsync(new GroupRequest("Never " + id, null), stale, null, default)));
        Assert.IsType<Forbidden>(refused.Error);
        var agent = stale with { Role = AgentRole.Agent };
        refused = await Assert.ThrowsAsync<OknoException>(() => RunAsync<DeactivateAgent, bool>(async u =>
        {
            await u.ExecuteAsync(1, agent, null, default);
            return true;
        }));
        Assert.IsType<Forbidden>(refused.Error);
    }

    [Fact]
    public async Task Active_agents_are_counted_per_role_and_every_role_is_listed()
    {
        var before = await RunAsync<AgentQueries, IReadOnlyList<RoleCount>>(q => q.ActiveByRoleAsync(default));
        Assert.Equal([AgentRole.Admin, AgentRole.Supervisor, AgentRole.Agent], before.Select(c => c.Role));
        var (id, _) = await okno.App.CreateAgentAsync(okno.Admin, role: "supervisor");
        await okno.App.CreateAgentAsync(okno.Admin, role: "supervisor");
        await okno.Admin.DeleteAsync($"/api/v1/agents/{id}");

        var after = await RunAsync<AgentQueries, IReadOnlyList<RoleCount>>(q => q.ActiveByRoleAsync(default));
        Assert.Equal(Count(before, AgentRole.Supervisor) + 1, Count(after, AgentRole.Supervisor));
        Assert.Equal(Count(before, AgentRole.Admin), Count(after, AgentRole.Admin));
        static int Count(IReadOnlyList<RoleCount> counts, AgentRole role) => counts.Single(c => c.Role == role).ActiveAgents;
    }

    [Fact]
    public async Task Refusals_reach_the_russian_admin_page_translated_and_next_to_their_fields()
    {
        var admin = await AdminAsync();
        var error = await Assert.ThrowsAsync<OknoException>(() => RunAsync<CreateAgent, AgentView>(u => u.ExecuteAsync(
            new CreateAgentRequest("nope", "", null, "short", [999_999], "de"), admin, null, default)));
        var duplicate = await Assert.ThrowsAsync<OknoException>(() => RunAsync<CreateAgent, AgentView>(u => u.ExecuteAsync(
            new CreateAgentRequest(OknoFactory.AdminEmail, "Again", null, "long-enough-1", null, null), admin, null, default)));
        var lastAdmin = await Assert.ThrowsAsync<OknoException>(() => RunAsync<ChangeAgent, AgentView>(u => u.ExecuteAsync(admin.Id,
            new ChangeAgentRequest(default, new(true, AgentRole.Agent), default, default, default, default), admin, null, default)));

        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ru");
        try
        {
            var text = okno.App.Services.GetRequiredService<ErrorText>();
            var ui = text.Action(error, NullLogger.Instance);
            Assert.Equal("Проверьте отмеченные поля.", ui.Message);
            Assert.Equal(["email", "groupIds", "language", "name", "password"], ui.Fields.Keys.Order());
            Assert.Equal("Не меньше 10 символов.", ui.Field("password"));
            Assert.All(ui.Fields.Values, m => Assert.Matches("[а-яА-Я]", m));
            Assert.Equal("Агент с таким email уже есть.", text.Action(duplicate, NullLogger.Instance).Field("email"));
            Assert.StartsWith("Это последний активный администратор", text.Action(lastAdmin, NullLogger.Instance).Message);
            Assert.StartsWith("Что-то пошло не так", text.Action(new InvalidOperationException("boom"), NullLogger.Instance).Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task<CurrentAgent> AdminAsync() =>
        (await okno.App.WithDbAsync(async db =>
            await okno.App.Service(s => s.GetRequiredService<IAgentAccounts>()).ActiveAsync(db, (await db.Agents.SingleAsync(a => a.Email == OknoFactory.AdminEmail)).Id, default)))!;

    private async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = okno.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
