using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Quartz;

namespace Okno.Tickets.Views;

/// <summary>A saved view's filter as the API and the inbox give it (the inbox's query parameters, by name).</summary>
public sealed record SavedViewFilter(InboxView? View = null, TicketStatus? Status = null, TicketPriority? Priority = null,
    TicketType? Type = null, string? Channel = null, long? GroupId = null, long? AssigneeId = null, string? Tag = null,
    TicketSort Sort = TicketSort.Updated);

public sealed record SavedViewRequest(string? Name, bool Shared, SavedViewFilter? Filter);

/// <summary>A saved view for one agent: <see cref="Count"/> is what that agent would see in it (null while the view is
/// counted the first time).</summary>
public sealed record SavedViewDto(long Id, string Name, bool Shared, long OwnerId, string OwnerName, bool Mine, bool CanEdit,
    SavedViewFilter Filter, long? Count);

public static class SavedViewErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "saved_view.not_found";
    /// <summary>Only its owner (or an admin, for a shared one) changes or deletes a view.</summary>
    public const string NotOwner = "saved_view.not_owner";
    /// <summary>{max}</summary>
    public const string TooMany = "saved_view.too_many";
}

/// <summary>Saved views (S2): an agent's own and the shared ones, with their maintained counters
/// (<c>/api/v1/saved-views</c>, the inbox's side list). Anyone may share a view; only its owner changes or deletes it,
/// or an admin a shared one.</summary>
public sealed class SavedViews(OknoDb db, TimeProvider clock, ISchedulerFactory schedulers, ILogger<SavedViews> logger)
{
    public async Task<IReadOnlyList<SavedViewDto>> ListAsync(CurrentAgent agent, CancellationToken ct)
    {
        var views = await db.SavedViews.AsNoTracking().Where(v => v.OwnerId == agent.Id || v.Shared)
            .OrderBy(v => v.OwnerId != agent.Id).ThenBy(v => v.Name).ThenBy(v => v.Id).Take(SavedView.MaxPerAgent * 4).ToListAsync(ct);
        var counted = views.Where(v => v.Counted).Select(v => v.Id).ToList();
        var buckets = (await db.SavedViewBuckets.AsNoTracking().Where(b => counted.Contains(b.ViewId)).ToListAsync(ct)).ToLookup(b => b.ViewId);
        var ownerIds = views.Select(v => v.OwnerId).Distinct().ToList();
        var owners = await db.Agents.Where(a => ownerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return views.Select(v => ToDto(v, agent, owners.GetValueOrDefault(v.OwnerId) ?? "",
            v.Counted ? buckets[v.Id].Where(b => b.Generation == v.Generation && v.Holds(agent, b.Status, b.GroupId, b.AssigneeId)).Sum(b => b.Count) : null))
            .ToList();
    }

    public async Task<SavedViewDto> GetAsync(long id, CurrentAgent agent, CancellationToken ct) =>
        (await ListAsync(agent, ct)).FirstOrDefault(v => v.Id == id) ?? throw NotFound(id);

    public async Task<SavedViewDto> CreateAsync(SavedViewRequest request, CurrentAgent agent, CancellationToken ct)
    {
        var (name, filter) = await ValidateAsync(request, ct);
        var id = await db.WriteAsync(async c =>
        {
            if (await db.SavedViews.CountAsync(v => v.OwnerId == agent.Id, c) >= SavedView.MaxPerAgent)
                throw new OknoException(new StateConflict(SavedViewErrorCodes.TooMany,
                    $"You already have {SavedView.MaxPerAgent} saved views; delete one first.", ("max", SavedView.MaxPerAgent)));
            var now = clock.GetUtcNow();
            var view = new SavedView { Name = name, OwnerId = agent.Id, Shared = request.Shared, CreatedAt = now, UpdatedAt = now };
            Apply(view, filter);
            db.SavedViews.Add(view);
            await db.SaveChangesAsync(c);
            return view.Id;
        }, ct);
        WakeFirstCount();
        return await GetAsync(id, agent, ct);
    }

    public async Task<SavedViewDto> UpdateAsync(long id, SavedViewRequest request, CurrentAgent agent, CancellationToken ct)
    {
        var (name, filter) = await ValidateAsync(request, ct);
        var recount = await db.WriteAsync(async c =>
        {
            var view = await EditableAsync(id, agent, c);
            var before = view.ToFilter();
            view.Name = name;
            view.Shared = request.Shared;
            view.UpdatedAt = clock.GetUtcNow();
            Apply(view, filter);
            // Another filter is another count; a new name or order is not.
            var changed = (view.ToFilter() with { Sort = TicketSort.Created }) != (before with { Sort = TicketSort.Created });
            if (changed)
            {
                view.Generation++;
                view.CountedUpTo = 0;
                view.Counted = false;
            }
            await db.SaveChangesAsync(c);
            return changed;
        }, ct);
        if (recount) WakeFirstCount();
        return await GetAsync(id, agent, ct);
    }

    public async Task DeleteAsync(long id, CurrentAgent agent, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var view = await EditableAsync(id, agent, c);
            db.SavedViews.Remove(view);
            return await db.SaveChangesAsync(c);
        }, ct);

    private async Task<SavedView> EditableAsync(long id, CurrentAgent agent, CancellationToken ct)
    {
        var view = await db.SavedViews.SingleOrDefaultAsync(v => v.Id == id && (v.OwnerId == agent.Id || v.Shared), ct) ?? throw NotFound(id);
        if (!CanEdit(view, agent))
            throw new OknoException(new Forbidden(SavedViewErrorCodes.NotOwner, "Only the view's owner (or an admin, for a shared view) may change it."));
        return view;
    }

    private static bool CanEdit(SavedView view, CurrentAgent agent) => view.OwnerId == agent.Id || (view.Shared && agent.IsAdmin);

    private static OknoException NotFound(long id) => new(new NotFound(SavedViewErrorCodes.NotFound, "Saved view", id));

    private async Task<(string Name, SavedViewFilter Filter)> ValidateAsync(SavedViewRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, SavedView.NameMaxLength);
        var filter = request.Filter ?? new SavedViewFilter();
        var channel = ChannelKind.Read(filter.Channel, "filter.channel", errors);
        string? tag = null;
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            tag = Tag.Normalize(filter.Tag);
            errors.Text("filter.tag", tag, Tag.NameMaxLength);
        }
        if (filter.GroupId is { } group && !await db.Groups.AnyAsync(g => g.Id == group, ct))
            errors.Add("filter.groupId", Admin.AdminErrorCodes.GroupNotFound, $"Group {group} was not found.", ("id", group));
        if (filter.AssigneeId is { } assignee && !await db.Agents.AnyAsync(a => a.Id == assignee, ct))
            errors.Add("filter.assigneeId", Admin.AdminErrorCodes.AgentNotFound, $"Agent {assignee} was not found.", ("id", assignee));
        errors.ThrowIfAny();
        return (request.Name!.Trim(), filter with { Tag = tag, Channel = channel?.Value });
    }

    private static void Apply(SavedView view, SavedViewFilter filter)
    {
        view.View = filter.View;
        view.Status = filter.Status;
        view.Priority = filter.Priority;
        view.Type = filter.Type;
        view.Channel = filter.Channel is { } c && ChannelKind.TryParse(c, out var kind) ? kind : null;
        view.GroupId = filter.GroupId;
        view.AssigneeId = filter.AssigneeId;
        view.Tag = filter.Tag;
        view.Sort = filter.Sort;
    }

    private static SavedViewDto ToDto(SavedView v, CurrentAgent agent, string ownerName, long? count) =>
        new(v.Id, v.Name, v.Shared, v.OwnerId, ownerName, v.OwnerId == agent.Id, CanEdit(v, agent),
            new SavedViewFilter(v.View, v.Status, v.Priority, v.Type, v.Channel?.Value, v.GroupId, v.AssigneeId, v.Tag, v.Sort), count);

    /// <summary>The first count starts now rather than at the job's next run; the run every few seconds is the net.</summary>
    private void WakeFirstCount() => _ = Task.Run(async () =>
    {
        try { await (await schedulers.GetScheduler()).TriggerJob(SavedViewFirstCount.Key); }
        catch (Exception e) { logger.LogDebug(e, "Waking the first count of saved views failed; it runs within seconds anyway"); }
    });
}

public static class SavedViewEndpoints
{
    public static IEndpointRouteBuilder MapSavedViews(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/v1/saved-views").RequireAuthorization().WithTags("Saved views").WithProblemResponses();
        views.MapGet("", async (SavedViews saved, CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(new { items = await saved.ListAsync(agent, ct) }))
            .WithSummary("The caller's saved views and the shared ones, each with the caller's live counter (null while first counted)");
        views.MapGet("/{id:long}", async (long id, SavedViews saved, CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await saved.GetAsync(id, agent, ct)));
        views.MapPost("", async (SavedViewRequest request, SavedViews saved, CurrentAgent agent, CancellationToken ct) =>
        {
            var view = await saved.CreateAsync(request, agent, ct);
            return TypedResults.Created($"/api/v1/saved-views/{view.Id}", view);
        }).WithSummary("Save a view: a name, shared or not, and the inbox filter (view, status, priority, type, channel, groupId, assigneeId, tag, sort)");
        views.MapPut("/{id:long}", async (long id, SavedViewRequest request, SavedViews saved, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await saved.UpdateAsync(id, request, agent, ct))).WithSummary("Rename, share or change the filter of one's view");
        views.MapDelete("/{id:long}", async (long id, SavedViews saved, CurrentAgent agent, CancellationToken ct) =>
        {
            await saved.DeleteAsync(id, agent, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
