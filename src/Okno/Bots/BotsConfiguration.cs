using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Bots;

internal sealed class BotConversationConfiguration : IEntityTypeConfiguration<BotConversation>
{
    public void Configure(EntityTypeBuilder<BotConversation> b)
    {
        b.ToTable("BotConversations");
        b.HasIndex(c => c.TicketId).IsUnique();
        // The silence job reads the active conversations whose wait is over.
        b.HasIndex(c => new { c.State, c.WaitUntil });
        b.Property(c => c.Source).HasMaxLength(BotChannelSetting.SourceMaxLength);
        b.Property(c => c.Language).HasMaxLength(10);
        b.Property(c => c.EngineState).HasMaxLength(BotTurn.MaxStateLength);
        b.Property(c => c.OfferedButtons).HasMaxLength(Tickets.Message.ButtonsMaxLength);
        b.Property(c => c.EndReason).HasMaxLength(BotConversation.EndReasonMaxLength);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BotChannelSettingConfiguration : IEntityTypeConfiguration<BotChannelSetting>
{
    public void Configure(EntityTypeBuilder<BotChannelSetting> b)
    {
        b.ToTable("BotChannelSettings");
        b.HasKey(s => s.Source);
        b.Property(s => s.Source).HasMaxLength(BotChannelSetting.SourceMaxLength);
    }
}
