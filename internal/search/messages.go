package search

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// The search: block of site.yaml (package search).
var (
	SearchNotMapping = msg.Def("search.not-mapping",
		"search ska vara inställningar, som synonyms:",
		"search must be settings, like synonyms:")
	SearchUnknownKey = msg.Def("search.unknown-key",
		"search har ingen inställning %q",
		"search has no setting %q")
	HintSearchUnknownKey = msg.Def("search.hint.unknown-key",
		"inställningarna är synonyms: och default_synonyms:",
		"the settings are synonyms: and default_synonyms:")
	SearchSynonymsNotMapping = msg.Def("search.synonyms-not-mapping",
		"synonyms ska vara grupper av ord som betyder samma sak",
		"synonyms must be groups of words that mean the same")
	HintSearchSynonymExample = msg.Def("search.hint.synonym-example",
		"skriv till exempel  vc: [vårdcentral]",
		"write it like  vc: [vårdcentral]")
	SearchSynonymNoWord = msg.Def("search.synonym-no-word",
		"en synonym saknar ord",
		"a synonym has no word")
	SearchSynonymTwice = msg.Def("search.synonym-twice",
		"synonymen %q står två gånger",
		"the synonym %q is given twice")
	HintSearchSynonymTwice = msg.Def("search.hint.synonym-twice",
		"skriv allt den ska hitta under samma synonym",
		"list everything it finds under one key")
	SearchSynonymItem = msg.Def("search.synonym-item",
		"%s: det en synonym hittar ska vara ett ord eller några ord",
		"%s: each thing a synonym finds must be a word or words")
	SearchSynonymEmpty = msg.Def("search.synonym-empty",
		"synonymen %q hittar ingenting",
		"the synonym %q finds nothing")
	HintSearchSynonymEmpty = msg.Def("search.hint.synonym-empty",
		"skriv vad den ska hitta, till exempel  %s: [vårdcentral]",
		"write what it finds, like  %s: [vårdcentral]")
	SearchDefaultsNotBool = msg.Def("search.defaults-not-bool",
		"default_synonyms ska vara true eller false",
		"default_synonyms must be true or false")
	HintSearchDefaultsNotBool = msg.Def("search.hint.defaults-not-bool",
		"skriv  default_synonyms: false  för att bara använda webbplatsens egna synonymer",
		"write  default_synonyms: false  to use only the site's own synonyms")
	SearchGroupNotList = msg.Def("search.group-not-list",
		"en synonymgrupp ska vara en lista av ord som betyder samma sak",
		"a synonym group must be a list of words that mean the same")
	HintSearchGroupExample = msg.Def("search.hint.group-example",
		"skriv till exempel  - [vc, vårdcentral, hälsocentral]",
		"write it like  - [vc, vårdcentral, hälsocentral]")
	SearchGroupItem = msg.Def("search.group-item",
		"en medlem i en synonymgrupp ska vara ett ord eller några ord",
		"a member of a synonym group must be a word or words")
	SearchGroupSmall = msg.Def("search.group-small",
		"en synonymgrupp behöver minst två medlemmar",
		"a synonym group needs at least two members")
)
