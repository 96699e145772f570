-- 0005: what a pending action needs to resume the model's turn where it stopped.
-- tool_call is the model's call (id, function name, arguments as ModelMessage JSON stores them):
-- its id must answer the call in the conversation, so the turn can resume once the user decides.
ALTER TABLE pending_actions ADD COLUMN tool_call TEXT CHECK (tool_call IS NULL OR json_valid(tool_call));
