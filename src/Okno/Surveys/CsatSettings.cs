using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Surveys;

/// <summary>The CSAT settings of one level. A null text falls back to the next level (group → channel → default → the
/// shipped text).</summary>
public sealed record CsatLevel(bool Enabled, int DelayMinutes, string? TextEn, string? TextRu);

public sealed record CsatChannelLevel(string Channel, bool Enabled, int DelayMinutes, string? TextEn, string? TextRu);

public sealed record CsatGroupLevel(long GroupId, bool Enabled, int DelayMinutes, string? TextEn, string? TextRu);

/// <summary>Every CSAT setting: the default, the overrides per channel kind and per group (a group wins over a channel),
/// and the low-rating alert (ratings at or below <see cref="LowRatingThreshold"/> notify the supervisors; 0: off).</summary>
public sealed record CsatSettingsView(CsatLevel Default, IReadOnlyList<CsatChannelLevel> Channels, IReadOnlyList<CsatGroupLevel> Groups,
    int LowRatingThreshold);

/// <summary>What applies to one ticket.</summary>
public sealed record CsatEffective(bool Enabled, int DelayMinutes, string? TextEn, string? TextRu);

/// <summary>Reads and replaces the CSAT settings. The desk starts with surveys off (an admin turns them on), a delay of
/// an hour and the low-rating alert at 2.</summary>
public sealed class CsatSettings(OknoDb db)
{
    public const int DefaultDelayMinutes = 60;
    public const int DefaultLowRatingThreshold = 2;
    public const int MaxOverrides = 200;

    public async Task<CsatSettingsView> GetAsync(CancellationToken ct)
    {
        var rows = await db.CsatSettings.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var root = rows.FirstOrDefault(r => r.Key == CsatSetting.DefaultKey);
        return new CsatSettingsView(
            root is null ? new CsatLevel(false, DefaultDelayMinutes, null, null) : new CsatLevel(root.Enabled, root.DelayMinutes, root.TextEn, root.TextRu),
            rows.Where(r => r.Channel is not null).OrderBy(r => r.Channel, StringComparer.Ordinal)
                .Select(r => new CsatChannelLevel(r.Channel!, r.Enabled, r.DelayMinutes, r.TextEn, r.TextRu)).ToList(),
            rows.Where(r => r.GroupId is not null).OrderBy(r => r.GroupId)
                .Select(r => new CsatGroupLevel(r.GroupId!.Value, r.Enabled, r.DelayMinutes, r.TextEn, r.TextRu)).ToList(),
            root?.LowRatingThreshold ?? DefaultLowRatingThreshold);
    }

    /// <summary>The group's level if it has one, else the channel's, else the default; texts fall back level by level.</summary>
    public async Task<CsatEffective> ForAsync(ChannelKind channel, long? groupId, CancellationToken ct)
    {
        var keys = new List<string> { CsatSetting.DefaultKey, CsatSetting.ChannelKey(channel.Value) };
        if (groupId is { } g) keys.Add(CsatSetting.GroupKey(g));
        var rows = await db.CsatSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToListAsync(ct);
        var ordered = new[] { groupId is { } id ? rows.FirstOrDefault(r => r.GroupId == id) : null, rows.FirstOrDefault(r => r.Channel is not null),
            rows.FirstOrDefault(r => r.Key == CsatSetting.DefaultKey) }.Where(r => r is not null).Select(r => r!).ToList();
        if (ordered.Count == 0) return new CsatEffective(false, DefaultDelayMinutes, null, null);
        var winner = ordered[0];
        return new CsatEffective(winner.Enabled, winner.DelayMinutes,
            ordered.Select(r => r.TextEn).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
            ordered.Select(r => r.TextRu).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)));
    }

    public async Task<int> LowRatingThresholdAsync(CancellationToken ct) =>
        await db.CsatSettings.Where(s => s.Key == CsatSetting.DefaultKey).Select(s => (int?)s.LowRatingThreshold).FirstOrDefaultAsync(ct)
            ?? DefaultLowRatingThreshold;

    /// <summary>Replaces every setting at once (one transaction), after checking all of it.</summary>
    public async Task<CsatSettingsView> SaveAsync(CsatSettingsView request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Default is null) errors.Required("default");
        else Check("default", request.Default.DelayMinutes, request.Default.TextEn, request.Default.TextRu, errors);
        var channels = request.Channels ?? [];
        var groups = request.Groups ?? [];
        if (channels.Count > MaxOverrides) errors.Add("channels", ErrorCodes.TooMany, $"At most {MaxOverrides}.", ("max", MaxOverrides));
        if (groups.Count > MaxOverrides) errors.Add("groups", ErrorCodes.TooMany, $"At most {MaxOverrides}.", ("max", MaxOverrides));
        if (request.LowRatingThreshold is < 0 or > 4)
            errors.Add("lowRatingThreshold", ErrorCodes.OutOfRange, "Between 0 (off) and 4.", ("min", 0), ("max", 4));
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Count && i < MaxOverrides; i++)
        {
            var c = channels[i];
            if (c is null) { errors.Required($"channels[{i}]"); continue; }
            if (ChannelKind.Read(c.Channel, $"channels[{i}].channel", errors) is { } kind)
            {
                if (!kinds.Add(kind.Value))
                    errors.Add($"channels[{i}].channel", SurveyErrorCodes.DuplicateLevel, "This channel is listed twice.", ("value", kind.Value));
            }
            else if (string.IsNullOrWhiteSpace(c.Channel)) errors.Required($"channels[{i}].channel");
            Check($"channels[{i}]", c.DelayMinutes, c.TextEn, c.TextRu, errors);
        }
        var groupIds = groups.Where(g => g is not null).Select(g => g.GroupId).Distinct().ToList();
        var known = groupIds.Count == 0 ? [] : (await db.Groups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<long>();
        for (var i = 0; i < groups.Count && i < MaxOverrides; i++)
        {
            var g = groups[i];
            if (g is null) { errors.Required($"groups[{i}]"); continue; }
            if (!known.Contains(g.GroupId))
                errors.Add($"groups[{i}].groupId", SurveyErrorCodes.GroupNotFound, $"There is no group {g.GroupId}.", ("id", g.GroupId));
            else if (!seen.Add(g.GroupId))
                errors.Add($"groups[{i}].groupId", SurveyErrorCodes.DuplicateLevel, "This group is listed twice.", ("value", g.GroupId));
            Check($"groups[{i}]", g.DelayMinutes, g.TextEn, g.TextRu, errors);
        }
        errors.ThrowIfAny();

        await db.WriteAsync(async ct2 =>
        {
            var existing = await db.CsatSettings.ToListAsync(ct2);
            var wanted = new List<CsatSetting>
            {
                new() { Key = CsatSetting.DefaultKey, Enabled = request.Default!.Enabled, DelayMinutes = request.Default.DelayMinutes,
                    TextEn = Text(request.Default.TextEn), TextRu = Text(request.Default.TextRu), LowRatingThreshold = request.LowRatingThreshold },
            };
            wanted.AddRange(channels.Select(c => ChannelKind.TryParse(c.Channel, out var k) ? k.Value : "").Zip(channels, (kind, c) => new CsatSetting
            {
                Key = CsatSetting.ChannelKey(kind), Channel = kind, Enabled = c.Enabled, DelayMinutes = c.DelayMinutes, TextEn = Text(c.TextEn), TextRu = Text(c.TextRu),
            }));
            wanted.AddRange(groups.Select(g => new CsatSetting
            {
                Key = CsatSetting.GroupKey(g.GroupId), GroupId = g.GroupId, Enabled = g.Enabled, DelayMinutes = g.DelayMinutes, TextEn = Text(g.TextEn), TextRu = Text(g.TextRu),
            }));
            // Rows are kept by key (updated in place), so a save that changes nothing writes nothing.
            foreach (var row in existing.Where(e => wanted.All(w => w.Key != e.Key))) db.Remove(row);
            foreach (var want in wanted)
            {
                if (existing.FirstOrDefault(e => e.Key == want.Key) is { } row)
                {
                    row.Enabled = want.Enabled;
                    row.DelayMinutes = want.DelayMinutes;
                    row.TextEn = want.TextEn;
                    row.TextRu = want.TextRu;
                    row.LowRatingThreshold = want.LowRatingThreshold;
                }
                else db.Add(want);
            }
            await db.SaveChangesAsync(ct2);
            return 0;
        }, ct);
        return await GetAsync(ct);
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Check(string prefix, int delay, string? textEn, string? textRu, FieldErrors errors)
    {
        if (delay is < 0 or > CsatSetting.MaxDelayMinutes)
            errors.Add($"{prefix}.delayMinutes", ErrorCodes.OutOfRange, $"Between 0 and {CsatSetting.MaxDelayMinutes} minutes.",
                ("min", 0), ("max", CsatSetting.MaxDelayMinutes));
        foreach (var (field, text) in new[] { ("textEn", textEn), ("textRu", textRu) })
        {
            if (text is null) continue;
            if (text.Length > CsatSetting.TextMaxLength)
                errors.Add($"{prefix}.{field}", ErrorCodes.TooLong, $"At most {CsatSetting.TextMaxLength} characters.", ("max", CsatSetting.TextMaxLength));
            else if (CsatTexts.UnknownPlaceholder(text) is { } unknown)
                errors.Add($"{prefix}.{field}", SurveyErrorCodes.UnknownPlaceholder, $"Unknown placeholder {unknown}; allowed: {CsatTexts.Placeholders}.",
                    ("value", unknown), ("allowed", CsatTexts.Placeholders));
        }
    }
}

public static class SurveyErrorCodes
{
    /// <summary>{id}</summary>
    public const string GroupNotFound = "survey.group_not_found";
    /// <summary>{value}</summary>
    public const string DuplicateLevel = "survey.duplicate_level";
    /// <summary>{value} (the placeholder), {allowed}</summary>
    public const string UnknownPlaceholder = "survey.unknown_placeholder";
    /// <summary>{value}</summary>
    public const string InvalidRating = "survey.invalid_rating";
}
