using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Routing;

/// <summary>The demo desk's support lines (its groups L1, L2, L3, in that order) and a few escalation reasons.</summary>
public static class RoutingDemo
{
    private static readonly string[] Reasons =
    [
        "Нужен доступ к серверу или базе данных",
        "Требуется доработка или исправление кода",
        "Вопрос не по профилю линии",
        "Нужен выезд к клиенту",
        "Решение найдено, нужен ответ клиенту",
    ];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, long> groups, CancellationToken ct)
    {
        var db = services.GetRequiredService<OknoDb>();
        if (await db.Set<SupportLine>().AnyAsync(ct) || await db.Set<EscalationReason>().AnyAsync(ct)) return;
        var position = 0;
        foreach (var name in new[] { "L1", "L2", "L3" })
            if (groups.TryGetValue(name, out var groupId)) db.Add(new SupportLine { GroupId = groupId, Position = ++position, Kind = LineKind.Internal });
        for (var i = 0; i < Reasons.Length; i++) db.Add(new EscalationReason { Name = Reasons[i], Position = i + 1 });
        await db.SaveChangesAsync(ct);
    }
}
