package msg

// The search: block of site.yaml (package search).
var (
	SearchNotMapping = def("search.not-mapping",
		"search ska vara inställningar, som synonyms:",
		"search must be settings, like synonyms:")
	SearchUnknownKey = def("search.unknown-key",
		"search har ingen inställning %q",
		"search has no setting %q")
	HintSearchUnknownKey = def("search.hint.unknown-key",
		"den enda inställningen är synonyms:",
		"the one setting is synonyms:")
	SearchSynonymsNotMapping = def("search.synonyms-not-mapping",
		"synonyms ska vara ord, vart och ett med det det också ska hitta",
		"synonyms must be words, each with what it also finds")
	HintSearchSynonymExample = def("search.hint.synonym-example",
		"skriv till exempel  vc: [vårdcentral]",
		"write it like  vc: [vårdcentral]")
	SearchSynonymNoWord = def("search.synonym-no-word",
		"en synonym saknar ord",
		"a synonym has no word")
	SearchSynonymWords = def("search.synonym-words",
		"synonymen %q är mer än ett ord",
		"the synonym %q is more than one word")
	HintSearchSynonymWords = def("search.hint.synonym-words",
		"en synonym är ett ord; det den hittar kan vara flera",
		"a synonym is one word; what it finds may be several")
	SearchSynonymTwice = def("search.synonym-twice",
		"synonymen %q står två gånger",
		"the synonym %q is given twice")
	HintSearchSynonymTwice = def("search.hint.synonym-twice",
		"skriv allt den ska hitta under samma synonym",
		"list everything it finds under one key")
	SearchSynonymItem = def("search.synonym-item",
		"%s: det en synonym hittar ska vara ett ord eller några ord",
		"%s: each thing a synonym finds must be a word or words")
	SearchSynonymEmpty = def("search.synonym-empty",
		"synonymen %q hittar ingenting",
		"the synonym %q finds nothing")
	HintSearchSynonymEmpty = def("search.hint.synonym-empty",
		"skriv vad den ska hitta, till exempel  %s: [vårdcentral]",
		"write what it finds, like  %s: [vårdcentral]")
)
