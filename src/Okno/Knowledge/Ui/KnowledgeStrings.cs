namespace Okno.Knowledge.Ui;

/// <summary>Marker for the knowledge-base and macro pages' strings in KnowledgeStrings.resx (English) and
/// KnowledgeStrings.ru.resx (Russian).</summary>
public sealed class KnowledgeStrings;
