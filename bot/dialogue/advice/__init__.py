"""Advice, not only answers: rankings of careers by a fact, fit of one career for a person, interests told in words,
career moves and paths, explanations of a test result, and the person's profile.

Pure logic with no Rasa in it (the actions in actions/advice.py are thin adapters), typed, over the career pages'
front matter facts (BLS wages and projections, O*NET job zones and interest profiles) and the O*NET 29.3 tables in
knowledge/facts (skills, knowledge, related occupations). Modules:

- `figures`: one career's facts as numbers and as words with their year and source;
- `person`: what the conversation knows about the person (test scores, stated interests, education, current job);
- `rankings`: a request in words -> by / order / filters, and the ranked careers;
- `interests`: RIASEC interests inferred from words ("I like math and programming");
- `fit`: how well one career fits the person;
- `moves`: career moves from a current job and paths from one career to another (O*NET skills and knowledge);
- `explain`: Holland codes, why a career is on someone's list, their strongest interests;
- `replies`: the Reply objects (text, buttons, metadata of docs/contracts.md §4).
"""
