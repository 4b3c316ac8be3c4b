using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Channels.Chat;

internal sealed class ChatVisitorConfiguration : IEntityTypeConfiguration<ChatVisitor>
{
    public void Configure(EntityTypeBuilder<ChatVisitor> b)
    {
        b.ToTable("ChatVisitors");
        b.Property(v => v.TokenHash).HasMaxLength(64);
        b.HasIndex(v => v.TokenHash).IsUnique();
        b.Property(v => v.SenderId).HasMaxLength(ChatVisitor.SenderIdMaxLength);
        // A conversation's browsers (a signed-in user's devices share a sender).
        b.HasIndex(v => new { v.AccountId, v.SenderId });
        b.Property(v => v.UserId).HasMaxLength(ChatVisitor.UserIdMaxLength);
        b.Property(v => v.Name).HasMaxLength(ChatVisitor.NameMaxLength);
        b.Property(v => v.Email).HasMaxLength(ChatVisitor.EmailMaxLength);
        b.Property(v => v.Phone).HasMaxLength(ChatVisitor.PhoneMaxLength);
        b.Property(v => v.Language).HasMaxLength(10);
        b.Property(v => v.PageUrl).HasMaxLength(ChatVisitor.UrlMaxLength);
        b.Property(v => v.PageTitle).HasMaxLength(ChatVisitor.TitleMaxLength);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatConversationConfiguration : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> b)
    {
        b.ToTable("ChatConversations");
        b.HasKey(c => c.TicketId);
        b.Property(c => c.TicketId).ValueGeneratedNever();
        b.Property(c => c.RatingComment).HasMaxLength(ChatConversation.CommentMaxLength);
        // The mail job reads conversations whose unseen answers are due.
        b.HasIndex(c => c.MailDueAt);
        b.HasIndex(c => c.VisitorId);
        b.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChatVisitor>().WithMany().HasForeignKey(c => c.VisitorId).OnDelete(DeleteBehavior.Restrict);
    }
}
