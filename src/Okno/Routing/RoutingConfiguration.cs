using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Admin;

namespace Okno.Routing;

internal sealed class SupportLineConfiguration : IEntityTypeConfiguration<SupportLine>
{
    public void Configure(EntityTypeBuilder<SupportLine> b)
    {
        b.ToTable("SupportLines");
        b.HasKey(l => l.GroupId);
        b.Property(l => l.GroupId).ValueGeneratedNever();
        // A deleted group stops being a line with it.
        b.HasOne<Group>().WithOne().HasForeignKey<SupportLine>(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationReasonConfiguration : IEntityTypeConfiguration<EscalationReason>
{
    public void Configure(EntityTypeBuilder<EscalationReason> b)
    {
        b.ToTable("EscalationReasons");
        b.Property(r => r.Name).HasMaxLength(EscalationReason.NameMaxLength);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.HasIndex(e => e.EventId).IsUnique();
        // The report reads a period; a resolution asks whether its ticket left the group before.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.TicketId, e.FromGroupId });
    }
}

internal sealed class LineResolutionConfiguration : IEntityTypeConfiguration<LineResolution>
{
    public void Configure(EntityTypeBuilder<LineResolution> b)
    {
        b.ToTable("LineResolutions");
        b.HasIndex(r => r.EventId).IsUnique();
        b.HasIndex(r => r.At);
    }
}
