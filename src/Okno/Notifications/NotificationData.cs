using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Notifications;

/// <summary>An agent switched one notification off (<see cref="NotificationKeys.ForAgents"/>). No row: on.</summary>
public sealed class NotificationOptOut
{
    public long AgentId { get; set; }
    public string Notification { get; set; } = "";
}

/// <summary>An admin's text for one notification in one language; without a row the shipped default
/// (NotificationStrings resources) is used.</summary>
public sealed class NotificationTemplate
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20_000;

    public string Key { get; set; } = "";
    public string Language { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public long? UpdatedBy { get; set; }
}

internal sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> b)
    {
        b.ToTable("NotificationOptOuts");
        b.HasKey(o => new { o.AgentId, o.Notification });
        b.Property(o => o.Notification).HasMaxLength(64);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(o => o.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> b)
    {
        b.ToTable("NotificationTemplates");
        b.HasKey(t => new { t.Key, t.Language });
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Subject).HasMaxLength(NotificationTemplate.SubjectMaxLength);
        b.Property(t => t.Body).HasMaxLength(NotificationTemplate.BodyMaxLength);
    }
}
