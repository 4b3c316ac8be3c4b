namespace Okno.Tickets;

// Enum values are stored and sent as snake_case strings ("on_hold", "feature_request"),
// so renaming a member is a breaking change of the API and the data.

public enum TicketStatus { New, Open, Pending, OnHold, Resolved, Closed }

public enum TicketPriority { Low, Normal, High, Urgent }

public enum TicketType { Question, Incident, Problem, Request, Bug, FeatureRequest, UnclearFeature }

public enum Channel { Api, Web, Email, Chat, Telegram, Phone, Messenger }

public enum MessageDirection { In, Out }

public enum ActorKind { Agent, Contact, System, Automation }
