<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;b&gt;Application icon&lt;/b&gt;: drawn for Renkei; part of Renkei, under the MIT License.</source>
        <translation>&lt;b&gt;アプリケーションアイコン&lt;/b&gt;：Renkei のために描かれたもので、Renkei の一部として MIT ライセンスで提供されます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Font: %1&lt;/b&gt; (Regular and Bold), a Modified Version of Noto Sans CJK JP, used for Japanese text on screen and in PDF reports. %2. Licensed under the SIL Open Font License 1.1, printed below.</source>
        <translation>&lt;b&gt;フォント：%1&lt;/b&gt;（Regular と Bold）。Noto Sans CJK JP の改変版（Modified Version）で、画面と PDF レポートの日本語表示に使用しています。%2。SIL Open Font License 1.1（全文は下記）に基づきます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Font: %1&lt;/b&gt; (Regular and Bold), a Modified Version of Noto Sans, used for Latin text (English words, names, digits) on screen and in PDF reports. %2. Licensed under the SIL Open Font License 1.1, printed below.</source>
        <translation>&lt;b&gt;フォント：%1&lt;/b&gt;（Regular と Bold）。Noto Sans の改変版（Modified Version）で、画面と PDF レポートの欧文（英語の語句、人名、数字）に使用しています。%2。SIL Open Font License 1.1（全文は下記）に基づきます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Qt %1 and PySide6&lt;/b&gt;: under the GNU Lesser General Public License v3 (About Qt tells more).</source>
        <translation>&lt;b&gt;Qt %1 と PySide6&lt;/b&gt;：GNU Lesser General Public License v3 に基づきます（詳しくは「Qt について」）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Renkei&lt;/b&gt; is free software under the MIT License.</source>
        <translation>&lt;b&gt;Renkei&lt;/b&gt; は MIT ライセンスのフリーソフトウェアです。</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt について</translation>
    </message>
    <message>
        <source>About Renkei</source>
        <translation>Renkei について</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>OFL.txt is missing.</source>
        <translation>OFL.txt が見つかりません。</translation>
    </message>
    <message>
        <source>Python, SQLAlchemy, Alembic, psycopg, keyring and the other libraries inside this app keep their licence files beside them, in the app folder&apos;s &lt;i&gt;_internal&lt;/i&gt; folder (&lt;i&gt;licenses&lt;/i&gt; and &lt;i&gt;*.dist-info&lt;/i&gt;).</source>
        <translation>Python、SQLAlchemy、Alembic、psycopg、keyring など、このアプリに含まれるライブラリのライセンスファイルは、アプリフォルダー内の &lt;i&gt;_internal&lt;/i&gt; フォルダー（&lt;i&gt;licenses&lt;/i&gt; と &lt;i&gt;*.dist-info&lt;/i&gt;）にあります。</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1、PySide6 %2、Python %3</translation>
    </message>
    <message>
        <source>Renkei</source>
        <translation>Renkei（連携）</translation>
    </message>
    <message>
        <source>Renkei %1</source>
        <translation>Renkei %1</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>実行環境：</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>設定ファイル：</translation>
    </message>
    <message>
        <source>Settings on this computer (who you are on each board, recent boards, the window&apos;s layout) stay in the settings file, never inside a shared board.</source>
        <translation>このコンピューターの設定（各ボードでのあなたの名前、最近使ったボード、ウィンドウの配置）は設定ファイルに保存され、共有ボードには書き込まれません。</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 が見つかりません。</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>システム：</translation>
    </message>
    <message>
        <source>The bundled font is not loaded in this session.</source>
        <translation>同梱フォントはこのセッションで読み込まれていません。</translation>
    </message>
    <message>
        <source>This board:</source>
        <translation>このボード：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>バージョン：</translation>
    </message>
    <message>
        <source>Your boards folder:</source>
        <translation>ボードの保存フォルダー：</translation>
    </message>
    <message>
        <source>installed app</source>
        <translation>インストール済みアプリ</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>開いていません</translation>
    </message>
    <message>
        <source>連携 — working hand in hand. Cross-team work at a glance, and where information got lost between teams.</source>
        <translation>連携：手を取り合って働くこと。チームをまたぐ仕事をひと目で把握し、チーム間のどこで情報が抜け漏れたかを示します。</translation>
    </message>
</context>
<context>
    <name>AnswerQuestionDialog</name>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Answer a question</source>
        <translation>質問に回答</translation>
    </message>
    <message>
        <source>Answer a question about “%1”</source>
        <translation>「%1」についての質問に回答</translation>
    </message>
    <message>
        <source>Asked %1.</source>
        <translation>%1 に質問されました。</translation>
    </message>
    <message>
        <source>No open questions</source>
        <translation>未回答の質問はありません</translation>
    </message>
    <message>
        <source>Nobody is waiting for an answer.</source>
        <translation>回答待ちの質問はありません。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>The packet did not include it.</source>
        <translation>引き継ぎ情報には含まれていませんでした。</translation>
    </message>
    <message>
        <source>The packet says: %1</source>
        <translation>引き継ぎ情報の記載：%1</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>回答を入力</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 rows were copied into %2; %3 could not be read or were left out.</source>
        <translation>%1行を %2 に写しました。読めなかった行、または省いた行は%3行です。</translation>
    </message>
    <message>
        <source>Cannot open the board</source>
        <translation>ボードを開けません</translation>
    </message>
    <message>
        <source>Could not connect to the server at %1.</source>
        <translation>%1 のサーバーに接続できませんでした。</translation>
    </message>
    <message>
        <source>Could not connect to the server: %1</source>
        <translation>サーバーに接続できませんでした：%1</translation>
    </message>
    <message>
        <source>Empty database</source>
        <translation>空のデータベース</translation>
    </message>
    <message>
        <source>Renkei boards (*.renkei)</source>
        <translation>Renkei ボード (*.renkei)</translation>
    </message>
    <message>
        <source>Salvage into a new board</source>
        <translation>新しいボードに救出</translation>
    </message>
    <message>
        <source>Salvage into a new board…</source>
        <translation>新しいボードに救出…</translation>
    </message>
    <message>
        <source>The database at %1 is empty: it holds no board yet. Make a new board in it?</source>
        <translation>%1 のデータベースは空で、ボードがまだありません。ここに新しいボードを作りますか？</translation>
    </message>
    <message>
        <source>The server asks for a password. (%1)</source>
        <translation>サーバーがパスワードを要求しています。（%1）</translation>
    </message>
    <message>
        <source>The server did not accept the password. (%1)</source>
        <translation>サーバーがパスワードを受け付けませんでした。（%1）</translation>
    </message>
    <message>
        <source>This is not a server board&apos;s address: %1</source>
        <translation>サーバー上のボードのアドレスではありません：%1</translation>
    </message>
    <message>
        <source>This is your default board (Edit → Preferences). Renkei opens the built-in board instead.</source>
        <translation>これは既定のボードです（編集 → 環境設定）。代わりに組み込みのボードを開きます。</translation>
    </message>
</context>
<context>
    <name>AskAboutItemDialog</name>
    <message>
        <source>%1 sent it and is asked to answer.</source>
        <translation>%1 さんが引き継ぎ元のため、回答を依頼します。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>対象項目</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>質問する</translation>
    </message>
    <message>
        <source>Ask about the handoff</source>
        <translation>引き継ぎについて質問</translation>
    </message>
    <message>
        <source>Ask about “%1”</source>
        <translation>「%1」について質問</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>What do you need to know?</source>
        <translation>確認したい内容を入力してください</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未送付</translation>
    </message>
</context>
<context>
    <name>BoardLocation</name>
    <message>
        <source>%1 copies the whole file after each save, and two people saving within its sync delay get a conflict copy that Renkei offers to merge, so it suits one person at a time; for a team, move the board to a server.</source>
        <translation>%1 は保存のたびにファイル全体をコピーします。同期の遅れのあいだに二人が保存すると競合コピーができ、Renkei がマージを提案します。一度に使うのは一人が向いています。チームで使うならボードをサーバーに移してください。</translation>
    </message>
    <message>
        <source>%1 — %2. %3</source>
        <translation>%1：%2。%3</translation>
    </message>
    <message>
        <source>Copies the board with its whole history to a PostgreSQL server.</source>
        <translation>ボードを履歴ごと PostgreSQL サーバーにコピーします。</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>了解</translation>
    </message>
    <message>
        <source>Hides this note; it is not shown again for this board.</source>
        <translation>このお知らせを閉じます。このボードでは再び表示しません。</translation>
    </message>
    <message>
        <source>In a folder synced by %1</source>
        <translation>%1 で同期されるフォルダーにあります</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Move this board to a server…</source>
        <translation>このボードをサーバーに移す…</translation>
    </message>
    <message>
        <source>On a PostgreSQL server (%1)</source>
        <translation>PostgreSQL サーバー上にあります（%1）</translation>
    </message>
    <message>
        <source>On a network share (%1)</source>
        <translation>ネットワーク共有上にあります（%1）</translation>
    </message>
    <message>
        <source>On this computer&apos;s disk</source>
        <translation>このコンピューターのディスクにあります</translation>
    </message>
    <message>
        <source>Only people at this computer can use it; to work on it as a team, move it to a server.</source>
        <translation>このコンピューターを使う人だけが使えます。チームで使うならサーバーに移してください。</translation>
    </message>
    <message>
        <source>Several people can use it; Renkei takes turns through a lock file beside the board, and a computer that crashes while saving holds the others up for up to %1 seconds.</source>
        <translation>複数の人が使えます。Renkei はボードの横のロックファイルで順番に保存します。保存中にコンピューターが落ちると、ほかの人は最大%1秒待たされます。</translation>
    </message>
    <message>
        <source>The whole team can work on it at once, and each sees the others&apos; changes within seconds.</source>
        <translation>チーム全員が同時に作業でき、ほかの人の変更は数秒で届きます。</translation>
    </message>
    <message>
        <source>Where this board lives</source>
        <translation>このボードの置き場所</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 already holds %2; the demo needs a new or empty board. Name a new file with --board PATH.</source>
        <translation>%1 にはすでに%2があります。デモには新しいボードか空のボードが必要です。--board PATH で新しいファイルを指定してください。</translation>
    </message>
    <message>
        <source>Building %1 synthetic tasks (seed %2) for %3…</source>
        <translation>%3 に合成タスク%1件を作成しています（シード %2）…</translation>
    </message>
    <message>
        <source>a synthetic board of %1 tasks (seed %2)</source>
        <translation>合成タスク%1件のボード（シード %2）</translation>
    </message>
    <message>
        <source>the Japanese demo board</source>
        <translation>日本語のデモボード</translation>
    </message>
    <message>
        <source>the English demo board</source>
        <translation>英語のデモボード</translation>
    </message>
    <message>
        <source>Made %1 “%2” at %3: %4 tasks, %5 people in %6 teams.</source>
        <translation>%1「%2」を %3 に作成しました：タスク%4件、メンバー%5人、チーム%6個。</translation>
    </message>
    <message>
        <source>Task %1 %2</source>
        <translation>タスク %1 %2</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>履歴はまだありません。</translation>
    </message>
    <message>
        <source>Created task %1: %2</source>
        <translation>タスク %1 を作成しました：%2</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <source>Task %1 “%2”: baseline is now %3.</source>
        <translation>タスク %1「%2」：基準の期限を%3にしました。</translation>
    </message>
    <message>
        <source>Task %1: nothing changed (it already had those values).</source>
        <translation>タスク %1：変更はありません（すでにその値です）。</translation>
    </message>
    <message>
        <source>Task %1 “%2”:</source>
        <translation>タスク %1「%2」：</translation>
    </message>
    <message>
        <source>nobody called %1 on this board (%2)</source>
        <translation>このボードに %1 という名前のメンバーはいません（メンバー：%2）</translation>
    </message>
    <message>
        <source>%1 is no longer linked to a login.</source>
        <translation>%1 とログインの関連付けを解除しました。</translation>
    </message>
    <message>
        <source>%1 is linked to the login role %2.</source>
        <translation>%1 をログインロール %2 に関連付けました。</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 に書き込めませんでした：%2</translation>
    </message>
    <message>
        <source>Wrote the %1 view (%2×%3) to %4.</source>
        <translation>%1 ビュー（%2×%3）を %4 に書き出しました。</translation>
    </message>
    <message>
        <source>Exit codes: 0 the change is saved (or was saved already by an earlier run with the same --change-id); 1 not saved (the message says nothing was saved, or why); 2 a usage error; 3 Renkei could not confirm whether the change was saved: look at `renkei history`, or run the same command again with the --change-id it printed (a change id is applied once).</source>
        <translation>終了コード：0 変更を保存しました（または同じ --change-id の以前の実行で保存済み）。1 保存されていません（何も保存されなかったこと、またはその理由をメッセージで示します）。2 使い方の誤り。3 変更が保存されたかどうかを確認できませんでした：`renkei history` を確認するか、表示された --change-id を付けて同じコマンドをもう一度実行してください（同じ変更 ID は一度だけ適用されます）。</translation>
    </message>
    <message>
        <source>%1 is not a size (write WxH, e.g. 1600x1000)</source>
        <translation>%1 はサイズではありません（幅x高さで指定。例：1600x1000）</translation>
    </message>
    <message>
        <source>%1: each side must be 16 to 16384 pixels</source>
        <translation>%1：幅と高さはそれぞれ16〜16384ピクセルで指定してください</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 は整数ではありません</translation>
    </message>
    <message>
        <source>%1: give at least 1</source>
        <translation>%1：1以上を指定してください</translation>
    </message>
    <message>
        <source>%1 is not a revision number</source>
        <translation>%1 はリビジョン番号ではありません</translation>
    </message>
    <message>
        <source>%1: a revision is 0 or more</source>
        <translation>%1：リビジョンは0以上です</translation>
    </message>
    <message>
        <source>%1 is not a number of seconds</source>
        <translation>%1 は秒数ではありません</translation>
    </message>
    <message>
        <source>%1: give a number of seconds above 0</source>
        <translation>%1：0より大きい秒数を指定してください</translation>
    </message>
    <message>
        <source>%1 is not a change id: 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; or &apos;-&apos;</source>
        <translation>%1 は変更 ID ではありません：英字、数字、「.」「_」「:」「-」の1〜64文字で指定してください</translation>
    </message>
    <message>
        <source>Renkei (連携): cross-team work at a glance. Without a command, opens the board in a window.</source>
        <translation>Renkei（連携）：チームをまたぐ仕事をひと目で把握します。コマンドを付けずに実行すると、ボードをウィンドウで開きます。</translation>
    </message>
    <message>
        <source>Global options go before the command, e.g. renkei --board team.renkei tasks.</source>
        <translation>全体のオプションはコマンドの前に書きます（例：renkei --board team.renkei tasks）。</translation>
    </message>
    <message>
        <source>the board file or database URL (default: the default board set in Preferences, else your own board, made with the demo on first run)</source>
        <translation>ボードのファイルまたはデータベースの URL（既定：環境設定の既定のボード、なければ初回起動時にデモで作られる自分のボード）</translation>
    </message>
    <message>
        <source>who you are for this call (a person on the board); writes need it unless the board remembers you</source>
        <translation>この実行で名乗るメンバー（ボード上の人）。ボードがあなたを覚えていない場合、書き込みに必要です</translation>
    </message>
    <message>
        <source>name the change this command makes (task add/set, handoff, import, board people link), for a script that retries it: a change id already on the board is not applied again, and the command says so and exits 0 (default: $RENKEI_CHANGE_ID, else a new id; use a new id for each different change)</source>
        <translation>このコマンドによる変更（task add/set、handoff、import、board people link）の ID。再試行するスクリプト向けで、ボードにすでにある変更 ID は再適用せず、その旨を表示して終了コード0で終わります（既定：$RENKEI_CHANGE_ID、なければ新しい ID。変更ごとに別の ID を使ってください）</translation>
    </message>
    <message>
        <source>make a demo board</source>
        <translation>デモボードを作成</translation>
    </message>
    <message>
        <source>Fill a new (or empty) board with the Sales × Marketing demo story, or with N synthetic tasks. Uses --board, else your default board; refuses a board that holds work.</source>
        <translation>新しい（または空の）ボードに「営業 × マーケティング」のデモ、または N 件の合成タスクを入れます。--board のボード、なければ既定のボードを使います。作業の入ったボードには作成しません。</translation>
    </message>
    <message>
        <source>language (default: the system&apos;s)</source>
        <translation>言語（既定：システムの言語）</translation>
    </message>
    <message>
        <source>N synthetic tasks instead of the story (benchmarks)</source>
        <translation>デモの代わりに N 件の合成タスク（ベンチマーク用）</translation>
    </message>
    <message>
        <source>random seed for --tasks (default 1)</source>
        <translation>--tasks の乱数シード（既定：1）</translation>
    </message>
    <message>
        <source>list tasks</source>
        <translation>タスクの一覧</translation>
    </message>
    <message>
        <source>List the board&apos;s tasks (archived ones only with --all).</source>
        <translation>ボードのタスクを一覧表示します（アーカイブ済みは --all のときのみ）。</translation>
    </message>
    <message>
        <source>a JSON array instead of a table</source>
        <translation>表の代わりに JSON 配列で出力</translation>
    </message>
    <message>
        <source>only tasks at risk</source>
        <translation>リスクありのタスクのみ</translation>
    </message>
    <message>
        <source>include archived tasks</source>
        <translation>アーカイブ済みのタスクも含める</translation>
    </message>
    <message>
        <source>list the people on the board</source>
        <translation>ボードのメンバーの一覧</translation>
    </message>
    <message>
        <source>who changed what, when</source>
        <translation>誰がいつ何を変更したか</translation>
    </message>
    <message>
        <source>The audit trail, oldest first: the whole board&apos;s, or one task&apos;s with its handoffs (sent, acknowledged, returned with what was missing, re-sent, accepted). Text shows local time and names, in the language of --lang, Preferences or the system; JSON keeps the stored values, ISO 8601 UTC times ending in Z, and adds each line&apos;s text.</source>
        <translation>変更履歴を古い順に表示します。ボード全体、または1つのタスクとその引き継ぎ（送付、受領、未記入による差し戻し、再送、引き受け）です。テキストはローカル時刻と名前で、--lang、環境設定、システムの順に決まる言語で表示します。JSON は保存された値と Z で終わる ISO 8601 UTC 時刻を保ち、各行のテキストを加えます。</translation>
    </message>
    <message>
        <source>only the last N rows</source>
        <translation>最後の N 行のみ</translation>
    </message>
    <message>
        <source>a JSON array instead of lines</source>
        <translation>行の代わりに JSON 配列で出力</translation>
    </message>
    <message>
        <source>language of the lines (default: Preferences, else the system&apos;s)</source>
        <translation>行の言語（既定：環境設定、なければシステムの言語）</translation>
    </message>
    <message>
        <source>add or change a task (needs --as NAME)</source>
        <translation>タスクの追加・変更（--as NAME が必要）</translation>
    </message>
    <message>
        <source>add a task</source>
        <translation>タスクを追加</translation>
    </message>
    <message>
        <source>Add a task. Names (team, owner, status, project) match the board ignoring case; dates are YYYY-MM-DD. The status defaults to the board&apos;s second column (To do).</source>
        <translation>タスクを追加します。名前（チーム、担当者、ステータス、プロジェクト）は大文字と小文字を区別せずにボードと照合します。日付は YYYY-MM-DD です。ステータスの既定はボードの2列目（未着手）です。</translation>
    </message>
    <message>
        <source>print the task as JSON</source>
        <translation>タスクを JSON で出力</translation>
    </message>
    <message>
        <source>change fields of a task</source>
        <translation>タスクの項目を変更</translation>
    </message>
    <message>
        <source>print the task as JSON afterwards</source>
        <translation>変更後のタスクを JSON で出力</translation>
    </message>
    <message>
        <source>commit to tasks&apos; current due dates (their slips count from now)</source>
        <translation>タスクの現在の期限を基準にする（以後の延期はここから数える）</translation>
    </message>
    <message>
        <source>Make each task&apos;s current due date its baseline: it is no longer &apos;slipped&apos;, and later moves of its due date count from here. Its earlier moves stay in its history.</source>
        <translation>各タスクの現在の期限を基準の期限にします。期限延期として数えられなくなり、以後の期限の変更はここから数えます。これまでの変更は履歴に残ります。</translation>
    </message>
    <message>
        <source>whole-board operations (new, copy, salvage, merge, people link)</source>
        <translation>ボード全体の操作（new、copy、salvage、merge、people link）</translation>
    </message>
    <message>
        <source>copy a whole board between files and PostgreSQL</source>
        <translation>ボード全体をファイルと PostgreSQL の間でコピー</translation>
    </message>
    <message>
        <source>Copy a whole board — every task, person, team, project, column, dependency and the full history, with their ids — from SRC to DST. Each is a board file path or a URL such as postgresql+psycopg://user@host:5432/db. DST must be a new file, an empty database or a board nobody has used yet; on any error nothing is left in it. The global --board is not used.</source>
        <translation>ボード全体（すべてのタスク、メンバー、チーム、プロジェクト、列、依存関係、全履歴を ID ごと）を SRC から DST にコピーします。それぞれボードのファイルパス、または postgresql+psycopg://user@host:5432/db のような URL です。DST は新しいファイル、空のデータベース、またはまだ誰も使っていないボードでなければなりません。エラーが起きた場合、DST には何も残しません。全体の --board は使いません。</translation>
    </message>
    <message>
        <source>the board to copy (path or URL)</source>
        <translation>コピー元のボード（パスまたは URL）</translation>
    </message>
    <message>
        <source>where the copy goes (path or URL)</source>
        <translation>コピー先（パスまたは URL）</translation>
    </message>
    <message>
        <source>make a new, empty board</source>
        <translation>新しい空のボードを作成</translation>
    </message>
    <message>
        <source>Make a new, empty board at PATH (a file that does not exist yet) or URL (an empty PostgreSQL database). Reading a board never makes one: this, the window&apos;s File → New board, demo and an import into a new file are the ways to make one.</source>
        <translation>PATH（まだ存在しないファイル）または URL（空の PostgreSQL データベース）に新しい空のボードを作ります。ボードを読むだけでは作られません。作る方法は、このコマンド、ウィンドウの「ファイル → 新しいボード」、demo、新しいファイルへのインポートです。</translation>
    </message>
    <message>
        <source>the board&apos;s name (default: the file or database name)</source>
        <translation>ボードの名前（既定：ファイル名またはデータベース名）</translation>
    </message>
    <message>
        <source>copy what can still be read from a damaged board into a new one</source>
        <translation>壊れたボードからまだ読める内容を新しいボードにコピー</translation>
    </message>
    <message>
        <source>Read every row that can still be read from a damaged board file SRC (left unchanged) into a new board DST, and say what could not be kept. Use it when Renkei says a board is damaged; an older copy would lose every change made since it was taken.</source>
        <translation>壊れたボードファイル SRC（変更しません）からまだ読めるすべての行を新しいボード DST に読み込み、残せなかったものを表示します。Renkei がボードの破損を知らせたときに使います。古いコピーに戻すと、それ以降の変更がすべて失われます。</translation>
    </message>
    <message>
        <source>a new file</source>
        <translation>新しいファイル</translation>
    </message>
    <message>
        <source>the report as JSON</source>
        <translation>レポートを JSON で出力</translation>
    </message>
    <message>
        <source>where the board lives, its lock, its health and the copies beside it</source>
        <translation>ボードの場所、ロック、健全性、横にあるコピー</translation>
    </message>
    <message>
        <source>Look a board over: where it lives (local disk, network share, synced folder or server) and what that means, the lock in use and who holds it now, an unfinished change left by a program that stopped (undone, as any open does), SQLite&apos;s full integrity check, the schema revision, conflict copies beside it and the computers that used it in the last 15 minutes. Exits 1 when anything needs a person, saying what to do.</source>
        <translation>ボードを点検します：置き場所（ローカルディスク、ネットワーク共有、同期フォルダー、サーバー）とその意味、使用中のロックと現在の保持者、停止したプログラムが残した未完了の変更（開くときと同じく取り消します）、SQLite の完全な整合性チェック、スキーマのリビジョン、横にある競合コピー、直近15分に使ったコンピューター。人の対応が必要なものがあれば、すべきことを表示して終了コード1で終わります。</translation>
    </message>
    <message>
        <source>default: --board</source>
        <translation>既定：--board</translation>
    </message>
    <message>
        <source>who is who on a server board</source>
        <translation>サーバーのボードでのメンバーとログインの対応</translation>
    </message>
    <message>
        <source>link a person to the login role they connect with</source>
        <translation>メンバーを接続に使うログインロールに関連付け</translation>
    </message>
    <message>
        <source>Link NAME to a PostgreSQL login role (or, on a file, an OS login). On a server board, once anyone is linked, every change is recorded under the person linked to the role that connected: a different --as is refused, and a role linked to nobody cannot change the board (so link yourself first). On a file the link only says whose login is whose in the history. --role &apos;&apos; removes the link.</source>
        <translation>NAME を PostgreSQL のログインロール（ファイルの場合は OS のログイン）に関連付けます。サーバーのボードでは、誰か1人でも関連付けると、すべての変更は接続したロールに関連付けられたメンバーの名前で記録されます。別の --as は拒否され、誰にも関連付けられていないロールはボードを変更できません（まず自分を関連付けてください）。ファイルでは、履歴上どのログインが誰かを示すだけです。--role &apos;&apos; で関連付けを解除します。</translation>
    </message>
    <message>
        <source>print changes as anyone makes them</source>
        <translation>誰かが変更するたびに表示</translation>
    </message>
    <message>
        <source>Follow the board: one line per row changed in each revision, made by anyone, as it arrives (SQLite is checked twice a second; PostgreSQL tells at once). Every revision is printed once, in order, even across a lost connection; nothing is folded (25 edits of one task are 25 lines). Runs until Ctrl-C, --count N lines or --timeout S seconds. With --json each line is a JSON object: revision, entity, id, created, fields (field → new value, named as in history --json; a new row: every field it was made with), old (field → value before), actor, at (UTC, when the change was made).</source>
        <translation>ボードを追跡します：誰が変更しても、各リビジョンで変更された行ごとに1行を、届いた順に表示します（SQLite は1秒に2回確認し、PostgreSQL はすぐに通知します）。接続が切れても、各リビジョンを順に一度だけ表示し、まとめることはしません（1つのタスクを25回編集すれば25行）。Ctrl-C、--count N 行、または --timeout S 秒まで動きます。--json では各行が JSON オブジェクトです：revision、entity、id、created、fields（項目 → 新しい値。名前は history --json と同じ。新しい行では作成時のすべての項目）、old（項目 → 変更前の値）、actor、at（UTC、変更した時刻）。</translation>
    </message>
    <message>
        <source>one JSON object per line</source>
        <translation>1行に1つの JSON オブジェクト</translation>
    </message>
    <message>
        <source>first print every revision after REV, then follow (to resume where a watch stopped; default: the board&apos;s current revision)</source>
        <translation>まず REV より後のすべてのリビジョンを表示し、その後追跡する（止まった watch を再開する場合。既定：ボードの現在のリビジョン）</translation>
    </message>
    <message>
        <source>stop after N lines</source>
        <translation>N 行で終了</translation>
    </message>
    <message>
        <source>stop after S seconds</source>
        <translation>S 秒で終了</translation>
    </message>
    <message>
        <source>draw a view into a PNG (no display needed)</source>
        <translation>ビューを PNG に描画（ディスプレイ不要）</translation>
    </message>
    <message>
        <source>light (default), dark or high_contrast; standup slides: light or dark</source>
        <translation>light（既定）、dark、high_contrast。朝会のスライドは light または dark</translation>
    </message>
    <message>
        <source>standup: the slide to draw, 1 for the first team (default 1)</source>
        <translation>standup：描画するスライドの番号（1が最初のチーム、既定値は1）</translation>
    </message>
    <message>
        <source>standup: the slide as it shows after ↓ was pressed P-1 times (default 1)</source>
        <translation>standup：↓ をP-1回押したあとの表示（既定値は1）</translation>
    </message>
    <message>
        <source>pixels (default 1600x1000)</source>
        <translation>ピクセル（既定：1600x1000）</translation>
    </message>
    <message>
        <source>demo: --seed goes with --tasks N</source>
        <translation>demo：--seed は --tasks N と一緒に指定してください</translation>
    </message>
    <message>
        <source>RENKEI_CHANGE_ID=%1 is not a change id</source>
        <translation>RENKEI_CHANGE_ID=%1 は変更 ID ではありません</translation>
    </message>
    <message>
        <source>%1 To retry safely (applied only once), add --change-id %2</source>
        <translation>%1 安全に再試行するには（一度だけ適用されます）、--change-id %2 を付けてください</translation>
    </message>
    <message>
        <source>%1; nothing was written. See `renkei history %2`, then try again.</source>
        <translation>%1。何も書き込んでいません。`renkei history %2` を確認してから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>PostgreSQL boards need the driver: pip install &apos;renkei[postgres]&apos;</source>
        <translation>PostgreSQL のボードにはドライバーが必要です：pip install &apos;renkei[postgres]&apos;</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断しました</translation>
    </message>
    <message>
        <source>export the board (a PDF status report, tasks as CSV)</source>
        <translation>ボードを書き出す（PDF の状況レポート、タスクの CSV）</translation>
    </message>
    <message>
        <source>the status report as a PDF</source>
        <translation>状況レポートを PDF で</translation>
    </message>
    <message>
        <source>Write the status report: a first page with each team&apos;s and project&apos;s health, the forecast against each deadline, the top five risks, the handoffs stuck and the deadlines moved since the last standup; a second page with what changed and the decisions needed. --full adds the appendix: a section per team, the timeline, a kanban snapshot, the handoffs and every change. Needs no display.</source>
        <translation>状況レポートを書き出します。1ページ目はチームとプロジェクトごとの状態、期限に対する予測、主なリスク5件、止まっている引き継ぎ、前回の朝会以降に変わった期限。2ページ目は変更点と必要な判断。--full を付けると付録（チームごとの節、タイムライン、かんばんの画像、引き継ぎ、すべての変更）が加わります。ディスプレイは不要です。</translation>
    </message>
    <message>
        <source>add the appendix: per-team tables, timeline, board, handoffs, every change</source>
        <translation>付録を付ける：チームごとの表、タイムライン、ボード、引き継ぎ、すべての変更</translation>
    </message>
    <message>
        <source>a lead&apos;s word on a team&apos;s or project&apos;s health, over the computed one (HEALTH: &quot;On track&quot;, &quot;At risk&quot; or &quot;Off track&quot;), e.g. --status &quot;Field Sales=At risk: waiting for legal review&quot;; repeatable</source>
        <translation>チームまたはプロジェクトの状態をリーダーが指定します（規則による判定より優先。HEALTH は「順調」「要注意」「危険」または &quot;On track&quot;、&quot;At risk&quot;、&quot;Off track&quot;）。例：--status &quot;フィールドセールス=要注意：法務の確認待ち&quot;。複数指定できます</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the status report (%n page(s), %1) to %2 in %3 s.</source>
        <translation>
            <numerusform>状況レポート（%nページ、%1）を %2 に書き出しました（%3秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>only this team&apos;s work</source>
        <translation>このチームの作業のみ</translation>
    </message>
    <message>
        <source>changes since this day (default: the last standup, else a week ago)</source>
        <translation>この日以降の変更（既定：前回の朝会、なければ1週間前）</translation>
    </message>
    <message>
        <source>when each team&apos;s and project&apos;s open work will be done, from the board&apos;s history</source>
        <translation>各チーム・プロジェクトの未完了の作業がいつ終わるか（ボードの履歴から予測）</translation>
    </message>
    <message>
        <source>Will it finish in time? From the tasks each team finished per working day over the last N weeks, a seeded Monte Carlo simulation of when the open tasks of each team and project will be done: P50 and P85 dates and the chance of meeting the due date (a project&apos;s own, else its latest task&apos;s). With fewer than 8 tasks finished in the window it says &apos;not enough history&apos; instead of a date.</source>
        <translation>期限に間に合うか：直近 N 週間に各チームが営業日ごとに完了したタスクから、各チーム・プロジェクトの未完了タスクがいつ終わるかをシード付きのモンテカルロ法で予測します。P50 と P85 の日付、期限（プロジェクト自身の期限、なければ最も遅いタスクの期限）に間に合う確率を示します。期間内の完了タスクが8件未満の場合は、日付の代わりに「実績が不足しています」と表示します。</translation>
    </message>
    <message>
        <source>a JSON array, one scope a line</source>
        <translation>JSON 配列（1行に1つの対象）</translation>
    </message>
    <message>
        <source>weeks of history to draw from (default 6)</source>
        <translation>予測に使う履歴の週数（既定：6）</translation>
    </message>
    <message>
        <source>simulated futures, 10,000 or more (default 10,000)</source>
        <translation>シミュレーションの回数、10,000以上（既定：10,000）</translation>
    </message>
    <message>
        <source>random seed (default 1)</source>
        <translation>乱数シード（既定：1）</translation>
    </message>
    <message>
        <source>only teams or projects</source>
        <translation>チームまたはプロジェクトのみ</translation>
    </message>
    <message>
        <source>instead: the task and every unfinished task it waits for (scope chain)</source>
        <translation>代わりに、このタスクと、それが待っている未完了のタスクすべて（scope chain）</translation>
    </message>
    <message>
        <source>set a project&apos;s due date (needs --as NAME)</source>
        <translation>プロジェクトの期限を設定（--as NAME が必要）</translation>
    </message>
    <message>
        <source>set or clear a project&apos;s due date</source>
        <translation>プロジェクトの期限を設定または解除</translation>
    </message>
    <message>
        <source>Set the project&apos;s due date (YYYY-MM-DD), or clear it with &apos;none&apos;: without one, its forecast is weighed against its latest task&apos;s due date.</source>
        <translation>プロジェクトの期限（YYYY-MM-DD）を設定するか、&apos;none&apos; で解除します。期限がない場合、予測は最も遅いタスクの期限と比べます。</translation>
    </message>
    <message>
        <source>--chain and --scope go separately: a chain is a scope of its own</source>
        <translation>--chain と --scope は一緒に使えません（chain はそれ自体が対象です）</translation>
    </message>
    <message>
        <source>No team on this board.</source>
        <translation>このボードにチームはありません。</translation>
    </message>
    <message>
        <source>No project on this board.</source>
        <translation>このボードにプロジェクトはありません。</translation>
    </message>
    <message>
        <source>No team or project on this board.</source>
        <translation>このボードにチームもプロジェクトもありません。</translation>
    </message>
    <message>
        <source>team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>chain</source>
        <translation>依存の連鎖</translation>
    </message>
    <message>
        <source>nothing open</source>
        <translation>未完了なし</translation>
    </message>
    <message>
        <source>%1 (P50), %2 (P85)</source>
        <translation>%1（P50）、%2（P85）</translation>
    </message>
    <message>
        <source> (the task&apos;s)</source>
        <translation>（タスクの期限）</translation>
    </message>
    <message>
        <source> (latest task)</source>
        <translation>（最も遅いタスク）</translation>
    </message>
    <message>
        <source>, %1% on time</source>
        <translation>、期限内の確率%1%</translation>
    </message>
    <message>
        <source> — LATE</source>
        <translation>：期限超過の見込み</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1件/日</translation>
    </message>
    <message>
        <source> (its teams&apos;)</source>
        <translation>（チームの実績）</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ペース</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完了見込み</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Forecast as of %1, from the last %2 weeks:</source>
        <translation>%1時点の予測（直近%2週間の実績から）：</translation>
    </message>
    <message>
        <source>no project called %1 on this board (%2)</source>
        <translation>このボードに %1 という名前のプロジェクトはありません（プロジェクト：%2）</translation>
    </message>
    <message>
        <source>Project %1: due %2.</source>
        <translation>プロジェクト %1：期限を%2にしました。</translation>
    </message>
    <message>
        <source>Project %1: no due date (its latest task&apos;s due date counts).</source>
        <translation>プロジェクト %1：期限を解除しました（最も遅いタスクの期限で判断します）。</translation>
    </message>
    <message>
        <source>hand a task to another team, and react to it (needs --as NAME)</source>
        <translation>タスクを別のチームに引き継ぎ、引き継ぎに対応する（--as NAME が必要）</translation>
    </message>
    <message>
        <source>hand a task to a person (and their team)</source>
        <translation>タスクをメンバー（とそのチーム）に引き継ぐ</translation>
    </message>
    <message>
        <source>Hand TASK from its owner and team to a person and that person&apos;s team, with the template&apos;s information packet: --item key=value for what you provide, --missing key for what you know is missing (items not named are missing too).</source>
        <translation>TASK を担当者とそのチームから、別のメンバーとそのチームに、テンプレートの引き継ぎ情報付きで引き継ぎます。記入する項目は --item key=value、未記入とわかっている項目は --missing key で指定します（指定しない項目も未記入になります）。</translation>
    </message>
    <message>
        <source>the handoff template (default: lead)</source>
        <translation>引き継ぎのテンプレート（既定：lead）</translation>
    </message>
    <message>
        <source>acknowledge a handoff sent to you</source>
        <translation>自分あての引き継ぎを受領する</translation>
    </message>
    <message>
        <source>take the task over (its owner and team become yours)</source>
        <translation>タスクを引き受ける（担当者とチームが自分になります）</translation>
    </message>
    <message>
        <source>send a handoff back for what is missing</source>
        <translation>未記入の項目があるため引き継ぎを差し戻す</translation>
    </message>
    <message>
        <source>Return a handoff. Reasons: %1.</source>
        <translation>引き継ぎを差し戻します。理由のコード：%1。</translation>
    </message>
    <message>
        <source>refuse a handoff for good</source>
        <translation>引き継ぎを却下する（完全に終了）</translation>
    </message>
    <message>
        <source>Reject a handoff. Reasons: %1.</source>
        <translation>引き継ぎを却下します。理由のコード：%1。</translation>
    </message>
    <message>
        <source>ask the sender about one item</source>
        <translation>1つの項目について引き継ぎ元に質問する</translation>
    </message>
    <message>
        <source>answer a receiver&apos;s question (the sender)</source>
        <translation>引き継ぎ先の質問に回答する（引き継ぎ元）</translation>
    </message>
    <message>
        <source>list handoffs and where information got lost</source>
        <translation>引き継ぎの一覧と情報の抜け漏れ</translation>
    </message>
    <message>
        <source>Every handoff with its findings (dropped, incomplete_at_send, lost_in_transit, lost_downstream, bounced, silent_handoff, stalled). A task passed to another team without a handoff (its owner or team changed) shows as its own entry in state &apos;silent&apos;, with the teams of that moment. A handoff imported without its information packet says &apos;packet unknown&apos;. --lost keeps only entries with findings; --matrix shows the team-to-team matrix instead, silent handoffs included, and the pair that loses the most (every pair of a tie).</source>
        <translation>すべての引き継ぎを検出事項（dropped、incomplete_at_send、lost_in_transit、lost_downstream、bounced、silent_handoff、stalled）とともに表示します。引き継ぎの記録なしに別のチームに渡ったタスク（担当者またはチームが変わったもの）は、その時点のチームとともに状態 &apos;silent&apos; の項目として表示します。引き継ぎ情報なしでインポートされた引き継ぎは「引き継ぎ情報不明」と表示します。--lost は検出事項のある項目のみ、--matrix は代わりにチーム間マトリクス（記録なしの担当変更を含む）と、抜け漏れが最も多い組み合わせ（同率ならすべて）を表示します。</translation>
    </message>
    <message>
        <source>only entries with findings</source>
        <translation>検出事項のある項目のみ</translation>
    </message>
    <message>
        <source>the team-to-team matrix</source>
        <translation>チーム間マトリクス</translation>
    </message>
    <message>
        <source>print the handoff as JSON</source>
        <translation>引き継ぎを JSON で出力する</translation>
    </message>
    <message>
        <source>no record</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>packet unknown</source>
        <translation>引き継ぎ情報不明</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1「%2」</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>SENT</source>
        <translation>送付日時</translation>
    </message>
    <message>
        <source>TEAMS</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>PEOPLE</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>未記入</translation>
    </message>
    <message>
        <source>FINDINGS</source>
        <translation>検出事項</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>引き継ぎ元</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>引き継ぎ先</translation>
    </message>
    <message>
        <source>HANDOFFS</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>ACK IN SLA</source>
        <translation>SLA内の受領</translation>
    </message>
    <message>
        <source>MEDIAN ACK</source>
        <translation>受領までの中央値</translation>
    </message>
    <message>
        <source>BOUNCED</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>MOST LOST</source>
        <translation>抜け漏れの多い項目</translation>
    </message>
    <message>
        <source>NO RECORD</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Loses the most: no pair (nothing lost, bounced or passed on silently).</source>
        <translation>抜け漏れが最も多い組み合わせ：なし（抜け漏れ、差し戻し、記録なしの担当変更はありません）。</translation>
    </message>
    <message>
        <source>Loses the most (tie): %1</source>
        <translation>抜け漏れが最も多い組み合わせ（同率）：%1</translation>
    </message>
    <message>
        <source>Loses the most: %1</source>
        <translation>抜け漏れが最も多い組み合わせ：%1</translation>
    </message>
    <message>
        <source>all items provided</source>
        <translation>全項目記入済み</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) missing (%1)</source>
        <translation>
            <numerusform>未記入%n項目（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>task %1 “%2” %3 → %4 (%5)</source>
        <translation>タスク %1「%2」%3 → %4（%5）</translation>
    </message>
    <message>
        <source>--item %1: write key=value, e.g. --item budget=5M</source>
        <translation>--item %1：key=value の形で指定してください（例：--item budget=5M）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sent handoff %1: %2, %3</source>
        <translation>引き継ぎ %1 を送りました：%2、%3</translation>
    </message>
    <message>
        <source>Acknowledged handoff %1: %2</source>
        <translation>引き継ぎ %1 を受領しました：%2</translation>
    </message>
    <message>
        <source>Accepted handoff %1: task %2 “%3” is now %4&apos;s (%5)</source>
        <translation>引き継ぎ %1 を引き受けました：タスク %2「%3」の担当者は %4（%5）になりました</translation>
    </message>
    <message>
        <source>Returned handoff %1 (%2): %3, missing %4</source>
        <translation>引き継ぎ %1 を差し戻しました（%2）：%3、未記入：%4</translation>
    </message>
    <message>
        <source>Rejected handoff %1 (%2): %3</source>
        <translation>引き継ぎ %1 を却下しました（%2）：%3</translation>
    </message>
    <message>
        <source>Asked question %1 on handoff %2 about %3: %4</source>
        <translation>引き継ぎ %2 の%3について質問 %1 をしました：%4</translation>
    </message>
    <message>
        <source>Answered question %1 on handoff %2 (%3): %4</source>
        <translation>引き継ぎ %2 の質問 %1（%3）に回答しました：%4</translation>
    </message>
    <message>
        <source>--lost lists handoffs; it does not go with --matrix</source>
        <translation>--lost は引き継ぎの一覧用です。--matrix とは一緒に使えません</translation>
    </message>
    <message>
        <source>No handoffs yet.</source>
        <translation>引き継ぎはまだありません。</translation>
    </message>
    <message>
        <source>Nothing lost.</source>
        <translation>抜け漏れはありません。</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>検出事項：</translation>
    </message>
    <message>
        <source>handoff %1</source>
        <translation>引き継ぎ %1</translation>
    </message>
    <message>
        <source>no handoff</source>
        <translation>引き継ぎ記録なし</translation>
    </message>
    <message>
        <source>  task %1 (%2) %3: %4</source>
        <translation>  タスク %1（%2）%3：%4</translation>
    </message>
    <message>
        <source>bring tasks in from Trello or a CSV file (Jira, spreadsheets)</source>
        <translation>Trello または CSV ファイル（Jira、表計算）からタスクを取り込む</translation>
    </message>
    <message>
        <source>Import a Trello board export (JSON) or a CSV file into the board, in one transaction: all of it or, on any problem, nothing. Importing the same file again updates the tasks it added and adds nothing twice.</source>
        <translation>Trello ボードのエクスポート（JSON）または CSV ファイルを、1つのトランザクションでボードに取り込みます。すべて取り込むか、問題があれば何も取り込みません。同じファイルをもう一度取り込むと、以前に追加したタスクを更新し、二重には追加しません。</translation>
    </message>
    <message>
        <source>Files up to %1.</source>
        <translation>ファイルの上限は%1です。</translation>
    </message>
    <message>
        <source>a Trello board export (Menu → Print, export and share → Export as JSON)</source>
        <translation>Trello ボードのエクスポート（メニュー → 印刷、エクスポート、共有 → JSON としてエクスポート）</translation>
    </message>
    <message>
        <source>Lists become statuses (the board&apos;s own when the name or meaning matches: To Do, Doing, Done, 未着手, 進行中, 完了…; new ones otherwise), cards tasks, labels tags, members people (the first member owns the card), checklists part of the description, and the export&apos;s actions history with their original dates and authors. A card passed between people of different teams records a handoff.</source>
        <translation>リストはステータスに（名前か意味が一致すればボードのもの：To Do、Doing、Done、未着手、進行中、完了…。それ以外は新規）、カードはタスクに、ラベルはタグに、メンバーはメンバーに（最初のメンバーがカードの担当者）、チェックリストは説明の一部に、エクスポートのアクションは元の日時と作成者のまま履歴になります。異なるチームのメンバー間で渡されたカードは引き継ぎとして記録します。</translation>
    </message>
    <message>
        <source>put the cards of this Trello list in this status (repeatable); a status that does not exist is created</source>
        <translation>この Trello リストのカードをこのステータスに入れる（複数指定可）。存在しないステータスは作成します</translation>
    </message>
    <message>
        <source>a CSV file: Jira&apos;s export or any spreadsheet with a header row</source>
        <translation>CSV ファイル：Jira のエクスポート、または見出し行のある表計算</translation>
    </message>
    <message>
        <source>feed this column into this field (repeatable), e.g. &apos;Ticket=key&apos; or &apos;Notes=ignore&apos;</source>
        <translation>この列をこの項目に取り込む（複数指定可）。例：&apos;Ticket=key&apos;、&apos;Notes=ignore&apos;</translation>
    </message>
    <message>
        <source>put rows with this status value in this board status (repeatable)</source>
        <translation>このステータス値の行をボードのこのステータスに入れる（複数指定可）</translation>
    </message>
    <message>
        <source>the file&apos;s encoding (default: detected; e.g. cp932)</source>
        <translation>ファイルの文字コード（既定：自動検出。例：cp932）</translation>
    </message>
    <message>
        <source>print the columns, the field each feeds and the first rows, then stop</source>
        <translation>列と取り込み先の項目、最初の数行を表示して終了</translation>
    </message>
    <message>
        <source>every task with every field, as CSV</source>
        <translation>すべてのタスクを全項目付きで CSV に</translation>
    </message>
    <message>
        <source>Write the board&apos;s tasks (archived ones too unless --open-only) with every field: id, source, title, status, team, owner, project, priority, start, due, estimate, progress, tags, flag, archived, dependencies, created, updated, description. `renkei import csv` reads the file back.</source>
        <translation>ボードのタスク（--open-only でなければアーカイブ済みも）を全項目付きで書き出します：id、source、title、status、team、owner、project、priority、start、due、estimate、progress、tags、flag、archived、dependencies、created、updated、description。`renkei import csv` で読み込み直せます。</translation>
    </message>
    <message>
        <source>for Excel: UTF-8 with a byte-order mark (Japanese opens correctly), and cells starting with = + - @ protected by an apostrophe</source>
        <translation>Excel 用：BOM 付き UTF-8（日本語が正しく開けます）。= + - @ で始まるセルはアポストロフィで保護します</translation>
    </message>
    <message>
        <source>leave archived tasks out</source>
        <translation>アーカイブ済みのタスクを除く</translation>
    </message>
    <message>
        <source>say what would be imported; change nothing</source>
        <translation>インポートされる内容を表示するだけで、何も変更しない</translation>
    </message>
    <message>
        <source>print the summary as JSON</source>
        <translation>概要を JSON で出力</translation>
    </message>
    <message>
        <source>there is no folder %1 for the new board</source>
        <translation>新しいボードを置くフォルダー %1 がありません</translation>
    </message>
    <message>
        <source>renkei: made the new board %1</source>
        <translation>renkei: 新しいボード %1 を作成しました</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>インポート中</translation>
    </message>
    <message>
        <source>renkei: note: %1</source>
        <translation>renkei: 注意：%1</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1（%2秒）</translation>
    </message>
    <message>
        <source>This import of %1 %2 was saved already by an earlier run with the same change id; it was not applied again.</source>
        <translation>%1 %2 のこのインポートは、同じ変更 ID による以前の実行で保存済みです。もう一度は適用していません。</translation>
    </message>
    <message>
        <source>%1 tasks added</source>
        <translation>タスク%1件を追加</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1件を更新</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>変更なし%1件</translation>
    </message>
    <message>
        <source>%1 history entries</source>
        <translation>履歴%1件</translation>
    </message>
    <message>
        <source>%1 handoffs</source>
        <translation>引き継ぎ%1件</translation>
    </message>
    <message>
        <source>%1 new people</source>
        <translation>新しいメンバー%1人</translation>
    </message>
    <message>
        <source>%1 new statuses</source>
        <translation>新しいステータス%1件</translation>
    </message>
    <message>
        <source>%1 new teams</source>
        <translation>新しいチーム%1件</translation>
    </message>
    <message>
        <source>%1 new projects</source>
        <translation>新しいプロジェクト%1件</translation>
    </message>
    <message>
        <source>Would import %1 %2: %3.</source>
        <translation>%1 %2 のインポート（試行、ボードは変更していません）：%3。</translation>
    </message>
    <message>
        <source>Imported %1 %2: %3.</source>
        <translation>%1 %2 をインポートしました：%3。</translation>
    </message>
    <message>
        <source>%1: a Jira export, %2, separated by %3</source>
        <translation>%1：Jira のエクスポート、文字コード %2、区切り文字 %3</translation>
    </message>
    <message>
        <source>%1: a CSV file, %2, separated by %3</source>
        <translation>%1：CSV ファイル、文字コード %2、区切り文字 %3</translation>
    </message>
    <message>
        <source>UTF-8 with BOM, for Excel</source>
        <translation>BOM 付き UTF-8、Excel 用</translation>
    </message>
    <message>
        <source>Wrote %1 tasks to %2 (%3).</source>
        <translation>タスク%1件を %2 に書き出しました（%3）。</translation>
    </message>
    <message>
        <source>merge a sync tool&apos;s conflict copy into the board</source>
        <translation>同期ツールの競合コピーをボードにマージ</translation>
    </message>
    <message>
        <source>When two people change a board in a synced folder at once, the sync tool keeps one file and leaves the other beside it as a conflict copy. This replays the copy&apos;s changes since the two parted onto the board (--board), as the people who made them and at their times; a field changed on both sides is asked about (on a terminal) or decided by --prefer. Then the copy is renamed NAME.merged-YYYYmmdd-HHMMSS.renkei-copy and kept. All or nothing: on any problem neither file changes.</source>
        <translation>同期フォルダーのボードを2人が同時に変更すると、同期ツールは一方のファイルを残し、もう一方を競合コピーとして横に置きます。このコマンドは、2つが分かれた後のコピーの変更を、変更した人と時刻のままボード（--board）に再適用します。両方で変更された項目は（端末で）確認するか、--prefer で決めます。その後、コピーは NAME.merged-YYYYmmdd-HHMMSS.renkei-copy に名前を変えて残します。すべて適用するか何もしないかのどちらかで、問題があればどちらのファイルも変更しません。</translation>
    </message>
    <message>
        <source>the conflict copy (a board file)</source>
        <translation>競合コピー（ボードのファイル）</translation>
    </message>
    <message>
        <source>for a field changed on both sides, keep the board&apos;s value or take the copy&apos;s</source>
        <translation>両方で変更された項目について、ボードの値を残すかコピーの値を採るか</translation>
    </message>
    <message>
        <source>say what would be merged; change nothing</source>
        <translation>マージされる内容を表示するだけで、何も変更しない</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>結果を JSON で出力</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>1 field was changed both on the board and in %2: %3. Run again with --prefer board or --prefer copy, or on a terminal to choose each; nothing was merged.</source>
        <translation>1項目がボードと %2 の両方で変更されています：%3。--prefer board か --prefer copy を付けて実行し直すか、端末で実行して一つずつ選んでください。何もマージしていません。</translation>
    </message>
    <message>
        <source>%1 fields were changed both on the board and in %2: %3. Run again with --prefer board or --prefer copy, or on a terminal to choose each; nothing was merged.</source>
        <translation>%1項目がボードと %2 の両方で変更されています：%3。--prefer board か --prefer copy を付けて実行し直すか、端末で実行して一つずつ選んでください。何もマージしていません。</translation>
    </message>
    <message>
        <source>Changed on both sides: %1</source>
        <translation>両方で変更されています：%1</translation>
    </message>
    <message>
        <source>Keep the [b]oard&apos;s value or take the [c]opy&apos;s? </source>
        <translation>ボードの値を残しますか、コピーの値を取りますか？（b：ボードの値を残す／c：コピーの値を取る） </translation>
    </message>
    <message>
        <source>no answer; nothing was merged.</source>
        <translation>答えがありませんでした。何もマージしていません。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1: board %2, copy %3</source>
        <translation>%1：ボードは %2、コピーは %3</translation>
    </message>
    <message>
        <source> [archived]</source>
        <translation>［アーカイブ済み］</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>TEAM</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>DUE</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>RISK</source>
        <translation>リスク</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>「%1」（%2）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>CONTACT</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>The server refused the password it was given. Password for %1 on %2: </source>
        <translation>サーバーが渡されたパスワードを拒否しました。%2 の %1 のパスワード：</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>%2 の %1 のパスワード：</translation>
    </message>
    <message>
        <source>Stored the password for %1 on %2 in the system keyring.</source>
        <translation>%2 の %1 のパスワードをシステムのキーリングに保存しました。</translation>
    </message>
    <message>
        <source>keep a server&apos;s password in the system keyring</source>
        <translation>サーバーのパスワードをシステムのキーリングに保存</translation>
    </message>
    <message>
        <source>Ask for the password of a PostgreSQL board (hidden input), check it with the server and keep it in the system keyring, where every renkei command and the window find it. A wrong password is not stored. PGPASSWORD and ~/.pgpass work too, and are tried first.</source>
        <translation>PostgreSQL のボードのパスワードを（非表示で）入力してもらい、サーバーで確認してからシステムのキーリングに保存します。すべての renkei コマンドとウィンドウがそこから読み取ります。誤ったパスワードは保存しません。PGPASSWORD と ~/.pgpass も使え、先に試します。</translation>
    </message>
    <message>
        <source>the board&apos;s URL without a password, e.g. postgresql://ana@db.example.com/renkei</source>
        <translation>パスワードを含まないボードの URL（例：postgresql://ana@db.example.com/renkei）</translation>
    </message>
    <message>
        <source>read the password from the first line of stdin instead of asking</source>
        <translation>入力を求める代わりに、標準入力の1行目からパスワードを読む</translation>
    </message>
    <message>
        <source>cannot open your default board %1 (set in Edit → Preferences): %2. Give --board, or choose another default board in Preferences.</source>
        <translation>既定のボード %1（編集 → 環境設定で設定）を開けません：%2。--board を指定するか、環境設定で別の既定のボードを選んでください。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 is %2: %3 (set %4=1 to stop this note)</source>
        <translation>%1：%2。%3（このお知らせを止めるには %4=1 を設定してください）</translation>
    </message>
    <message>
        <source>this change (id %1) was saved already, at revision %2; it was not applied again.</source>
        <translation>この変更（ID %1）はリビジョン%2ですでに保存済みのため、再適用していません。</translation>
    </message>
    <message>
        <source>There is no task %1 on this board.</source>
        <translation>このボードにタスク %1 はありません。</translation>
    </message>
    <message>
        <source>Copying rows</source>
        <translation>行をコピー中</translation>
    </message>
    <message>
        <source>%1 exists already; name a new file for the new board.</source>
        <translation>%1 はすでにあります。新しいボードには新しいファイル名を指定してください。</translation>
    </message>
    <message>
        <source>%1 already holds %2; nothing was changed.</source>
        <translation>%1 にはすでに %2 があります。何も変更していません。</translation>
    </message>
    <message>
        <source>Made the new board “%1” at %2.</source>
        <translation>新しいボード「%1」を %2 に作りました。</translation>
    </message>
    <message>
        <source>Salvaged %1 rows from %2 into %3.</source>
        <translation>%2 から %3 に%1行を救出しました。</translation>
    </message>
    <message>
        <source>%1: %2 kept, %3 unreadable, %4 left out (what they referred to was lost)</source>
        <translation>%1：%2行を保持、%3行は読めず、%4行は除外（参照先が失われたため）</translation>
    </message>
    <message>
        <source>Every row could be read.</source>
        <translation>すべての行を読み取れました。</translation>
    </message>
    <message>
        <source>%1 tasks, %2 people, %3 teams, %4 projects, %5 columns, %6 dependencies, %7 history rows</source>
        <translation>タスク%1件、メンバー%2人、チーム%3件、プロジェクト%4件、列%5件、依存関係%6件、履歴%7行</translation>
    </message>
    <message>
        <source>Copied %1 from %2 to %3 (board “%4”, revision %5).</source>
        <translation>%2 から %3 に%1をコピーしました（ボード「%4」、リビジョン %5）。</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>where a board lives, then what that means for a team</comment>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>ボード：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>場所：</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>ロック：</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1（プロセス %2）</translation>
    </message>
    <message>
        <source>Held now:</source>
        <translation>使用中：</translation>
    </message>
    <message>
        <source>Unfinished:</source>
        <translation>未完了：</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>整合性：</translation>
    </message>
    <message>
        <source>revision %1 (this Renkei&apos;s)</source>
        <translation>リビジョン %1（この Renkei と同じ）</translation>
    </message>
    <message>
        <source>revision %1 (this Renkei writes %2)</source>
        <translation>リビジョン %1（この Renkei は %2 で書き込みます）</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>スキーマ：</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>コピー：</translation>
    </message>
    <message>
        <source>none beside it</source>
        <translation>横にはありません</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Lately:</source>
        <translation>最近：</translation>
    </message>
    <message>
        <source>%1, %2, last at %3</source>
        <translation>%1、%2、最終 %3</translation>
    </message>
    <message>
        <source>Takeover:</source>
        <translation>引き取り：</translation>
    </message>
    <message>
        <source>Needs attention:</source>
        <translation>対応が必要：</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>対応が必要なことはありません。</translation>
    </message>
    <message>
        <source>Creating tasks</source>
        <translation>タスクを作成中</translation>
    </message>
    <message>
        <source>connected again; caught up to revision %1.</source>
        <translation>再接続しました。リビジョン %1 まで追いつきました。</translation>
    </message>
    <message>
        <source>%1; reconnecting in %2 s…</source>
        <translation>%1。%2秒後に再接続します…</translation>
    </message>
    <message>
        <source>still cannot reach the board (%1); next try in %2 s.</source>
        <translation>まだボードに接続できません（%1）。%2秒後にもう一度試します。</translation>
    </message>
    <message>
        <source>--since %1 is beyond the board&apos;s current revision (%2); give a revision it has reached.</source>
        <translation>--since %1 はボードの現在のリビジョン（%2）より先です。到達済みのリビジョンを指定してください。</translation>
    </message>
    <message>
        <source>Watching “%1” from revision %2 (Ctrl-C to stop).</source>
        <translation>「%1」をリビジョン %2 から監視しています（Ctrl-C で終了）。</translation>
    </message>
    <message>
        <source>Watching “%1” from revision %2.</source>
        <translation>「%1」をリビジョン %2 から監視しています。</translation>
    </message>
    <message>
        <source>%1; trying again…</source>
        <translation>%1。もう一度試します…</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <source>created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source> · </source>
        <translation>、</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>タスク%1</translation>
    </message>
    <message>
        <source>person %1</source>
        <translation>メンバー%1</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>チーム%1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>プロジェクト%1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>ステータス%1</translation>
    </message>
    <message>
        <source>handoff_template %1</source>
        <translation>引き継ぎテンプレート%1</translation>
    </message>
    <message>
        <source>standup %1</source>
        <translation>朝会%1</translation>
    </message>
</context>
<context>
    <name>ConflictChoices</name>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Board: %1</source>
        <translation>ボード：%1</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>両方で変更された項目</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>コピー：%1</translation>
    </message>
    <message>
        <source>These fields were changed both on the board and in %1. Choose the value to keep:</source>
        <translation>次の項目はボードと %1 の両方で変更されています。残す値を選んでください：</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>サーバーに接続</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so Renkei will ask for the password each time.</source>
        <translation>このコンピューターではシステムのキーリングを使用できないため、Renkei は接続のたびにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <source>Open a board kept on a PostgreSQL server, so everyone on the team sees the same board.</source>
        <translation>PostgreSQL サーバー上のボードを開きます。チーム全員が同じボードを共有できます。</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W)：</translation>
    </message>
    <message>
        <source>Passwords are never written to Renkei&apos;s settings.</source>
        <translation>パスワードが Renkei の設定に保存されることはありません。</translation>
    </message>
    <message>
        <source>Remember password in the system keyring</source>
        <translation>パスワードをシステムのキーリングに保存</translation>
    </message>
    <message>
        <source>e.g. boards.example.com</source>
        <translation>例：boards.example.com</translation>
    </message>
    <message>
        <source>e.g. renkei</source>
        <translation>例：renkei</translation>
    </message>
    <message>
        <source>leave empty if the server needs none</source>
        <translation>不要な場合は空欄のまま</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>1 day late</source>
        <translation>1日超過</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日が期限</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>明日が期限</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>期限まで%1日</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1日超過</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>All teams</source>
        <translation>すべてのチーム</translation>
    </message>
    <message>
        <source>Export status as PDF</source>
        <translation>状況レポートを PDF でエクスポート</translation>
    </message>
    <message>
        <source>Add the appendix (team tables, timeline, board, handoffs)</source>
        <translation>付録を付ける（チームごとの表、タイムライン、ボード、引き継ぎ）</translation>
    </message>
    <message>
        <source>Health, in your words (leave on Computed to use the rule)</source>
        <translation>状態を手動で設定（「自動」のままなら規則で判定します）</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>What is happening, in one line</source>
        <translation>状況を一行で</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>レター</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>用紙：</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>チーム：</translation>
    </message>
</context>
<context>
    <name>ExportPdf</name>
    <message>
        <source>%1 status %2.pdf</source>
        <translation>%1 状況レポート %2.pdf</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした：%2</translation>
    </message>
    <message>
        <source>Export status as PDF</source>
        <translation>状況レポートを PDF でエクスポート</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>エクスポートできませんでした</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the status report…</source>
        <translation>状況レポートを作成しています…</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>At-risk flag</source>
        <translation>リスクありフラグ</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>先行タスク</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Returned as missing</source>
        <translation>未記入として差し戻された項目</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>受領日時</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>判断日時</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>並び順</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All owners</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>すべてのプロジェクト</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>すべてのチーム</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>すべての期限</translation>
    </message>
    <message>
        <source>At risk only</source>
        <translation>リスクありのみ</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>タスクを検索</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Due today or late</source>
        <translation>今日が期限または期限超過</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>%n日以内に期限</numerusform>
        </translation>
    </message>
    <message>
        <source>Search titles, descriptions, tags, owners…</source>
        <translation>タイトル・説明・タグ・担当者を検索…</translation>
    </message>
    <message>
        <source>Show every task again</source>
        <translation>すべてのタスクを再表示</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <source>nothing open</source>
        <translation>未完了のタスクはありません</translation>
    </message>
    <message>
        <source>likely done %1, by %2 at the latest (P85)</source>
        <translation>%1 ごろ完了見込み、遅くとも %2（P85）</translation>
    </message>
    <message>
        <source>Late: due %1, %2% chance on time</source>
        <translation>期限超過の見込み：期限%1、期限内に終わる確率%2%</translation>
    </message>
    <message>
        <source>due %1, %2% chance on time</source>
        <translation>期限 %1、期限内に終わる確率 %2%</translation>
    </message>
</context>
<context>
    <name>Forecasting</name>
    <message numerus="yes">
        <source>not enough history: %n task(s) finished in %1 weeks</source>
        <translation>
            <numerusform>実績が不足しています：%1週間で完了したタスクは%n件です</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enough history: %n open task(s) belong to no team</source>
        <translation>
            <numerusform>実績が不足しています：未完了のタスク%n件にチームが設定されていません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) finished in %1 weeks</source>
        <translation>
            <numerusform>%1週間で%n件完了</numerusform>
        </translation>
    </message>
    <message>
        <source>not within two years at this pace</source>
        <translation>このペースでは 2 年以内に完了しません</translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <source>Accepted</source>
        <translation>引き受け済み</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>対象者</translation>
    </message>
    <message>
        <source>Bad data</source>
        <translation>データ不備</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Contract scope</source>
        <translation>契約範囲</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>納期</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>From %1 (%2)</source>
        <translation>%1（%2）から</translation>
    </message>
    <message>
        <source>Go-live date</source>
        <translation>稼働開始日</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Key users</source>
        <translation>主要ユーザー</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Missing information</source>
        <translation>情報の抜け漏れ</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>ニーズ</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>予算なし</translation>
    </message>
    <message>
        <source>No fit</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>ニーズなし</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>メモはありません。</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>時期尚早</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>依頼</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>依頼者</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>リスク</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送付済み</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>リードソース</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>成功基準</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>導入時期</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>連絡不通</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <source>Wrong team</source>
        <translation>担当チーム違い</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>%1 送付</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>不明なメンバー</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>HandoffActions</name>
    <message>
        <source>%1 has a question to answer</source>
        <translation>%1に未回答の質問があります</translation>
    </message>
    <message>
        <source>Accept handoff</source>
        <translation>引き継ぎを引き受け</translation>
    </message>
    <message>
        <source>Accept — take the task over</source>
        <translation>引き受ける（タスクの担当になる）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>受領する</translation>
    </message>
    <message>
        <source>Acknowledge handoff</source>
        <translation>引き継ぎを受領</translation>
    </message>
    <message>
        <source>Acknowledged by %1, waiting for a decision (%2)</source>
        <translation>%1が受領済み、判断待ち（%2）</translation>
    </message>
    <message>
        <source>Answer a question</source>
        <translation>質問に回答</translation>
    </message>
    <message>
        <source>Answer a question…</source>
        <translation>質問に回答…</translation>
    </message>
    <message>
        <source>Ask about a handoff</source>
        <translation>引き継ぎについて質問</translation>
    </message>
    <message>
        <source>Ask the sender about an item…</source>
        <translation>項目について引き継ぎ元に質問…</translation>
    </message>
    <message>
        <source>Choose who you are first (the status bar).</source>
        <translation>先にステータスバーで自分の名前を選択してください。</translation>
    </message>
    <message>
        <source>Hand off</source>
        <translation>引き継ぐ</translation>
    </message>
    <message>
        <source>Hand off…</source>
        <translation>引き継ぐ…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>Only %1 (the owner) can hand this task off</source>
        <translation>このタスクを引き継げるのは %1（担当者）だけです</translation>
    </message>
    <message>
        <source>Only %1 (the owner) or someone in %2 can hand this task off</source>
        <translation>このタスクを引き継げるのは %1（担当者）か %2 のメンバーだけです</translation>
    </message>
    <message>
        <source>Only %1 can acknowledge, accept or return it</source>
        <translation>受領・引き受け・差し戻しができるのは%1のみです</translation>
    </message>
    <message>
        <source>Only someone in %2 can hand this task off</source>
        <translation>このタスクを引き継げるのは %2 のメンバーだけです</translation>
    </message>
    <message>
        <source>Reject handoff</source>
        <translation>引き継ぎを却下</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>却下する…</translation>
    </message>
    <message>
        <source>Return for missing information…</source>
        <translation>抜け漏れがあるため差し戻す…</translation>
    </message>
    <message>
        <source>Return handoff</source>
        <translation>引き継ぎを差し戻し</translation>
    </message>
    <message>
        <source>This task is done: a finished task is not handed off</source>
        <translation>このタスクは完了しています。完了したタスクは引き継げません</translation>
    </message>
    <message>
        <source>Waiting for %1 to acknowledge (%2)</source>
        <translation>%1の受領待ち（%2）</translation>
    </message>
</context>
<context>
    <name>HandoffLog</name>
    <message>
        <source>%1 entries</source>
        <translation>%1件</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%2件中%1件</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>受領</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>すべての記録</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>From</source>
        <translation>引き継ぎ元</translation>
    </message>
    <message>
        <source>No handoff record</source>
        <translation>引き継ぎ記録なし</translation>
    </message>
    <message>
        <source>Handoff log</source>
        <translation>引き継ぎログ</translation>
    </message>
    <message>
        <source>Only %1 → %2</source>
        <translation>%1 → %2 のみ</translation>
    </message>
    <message>
        <source>Search task, team, person, item…</source>
        <translation>タスク、チーム、メンバー、項目を検索…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送付日時</translation>
    </message>
    <message>
        <source>Sent without</source>
        <translation>未記入の項目</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>表示する記録</translation>
    </message>
    <message>
        <source>Handoff state</source>
        <translation>引き継ぎの状態</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>To</source>
        <translation>引き継ぎ先</translation>
    </message>
    <message>
        <source>Where it broke</source>
        <translation>抜け漏れの起きた箇所</translation>
    </message>
    <message>
        <source>Search the handoff log</source>
        <translation>引き継ぎログを検索</translation>
    </message>
    <message>
        <source>With a finding</source>
        <translation>検出事項あり</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>%1後</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>%1待ち</translation>
    </message>
</context>
<context>
    <name>HandoffLoss</name>
    <message numerus="yes">
        <source>%1: not acknowledged, %2 overdue (SLA: %n business day(s))</source>
        <translation>
            <numerusform>%1：未受領、期限を%2超過（SLA：%n営業日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: acknowledged %2 late (SLA: %n business day(s))</source>
        <translation>
            <numerusform>%1：受領が%2遅れました（SLA：%n営業日）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: sent without %2</source>
        <translation>%1：%2が未記入のまま引き継ぎ</translation>
    </message>
    <message>
        <source>%1: %2 marked provided by the sender, yet asked about or returned as missing by the receiver</source>
        <translation>%1：引き継ぎ元は%2を記入済みとしましたが、引き継ぎ先から問い合わせ、または未記入として差し戻しがありました</translation>
    </message>
    <message>
        <source>%1: %2 provided at an earlier hop, missing from here on</source>
        <translation>%1：%2は前の引き継ぎでは記入済みでしたが、ここから先で抜け漏れ</translation>
    </message>
    <message>
        <source>%1: returned (%2), bounce %3 between these teams</source>
        <translation>%1：差し戻し（%2）、このチーム間で%3回目</translation>
    </message>
    <message>
        <source>%1: returned (%2) for %3, bounce %4 between these teams</source>
        <translation>%1：%3について差し戻し（%2）、このチーム間で%4回目</translation>
    </message>
    <message>
        <source>%1: rejected (%2), bounce %3 between these teams</source>
        <translation>%1：却下（%2）、このチーム間で%3回目の差し戻し</translation>
    </message>
    <message>
        <source>%1: changed hands with no handoff record</source>
        <translation>%1：記録なしで担当変更</translation>
    </message>
    <message numerus="yes">
        <source>%1: accepted, then no activity by the receiver for %n business day(s)</source>
        <translation>
            <numerusform>%1：引き受け後、引き継ぎ先による活動が%n営業日ありません</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2 (%3 → %4)</source>
        <translation>%1 → %2（%3 → %4）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>Handoffs</name>
    <message>
        <source>%1 d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>1 handoff</source>
        <translation>引き継ぎ1件</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of hands with no handoff</source>
        <translation>
            <numerusform>記録なしの担当変更%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Loses the most information, tied with another team pair</source>
        <translation>⚠ 情報の抜け漏れが最多（他のチームの組み合わせと同率）</translation>
    </message>
    <message>
        <source>Acknowledged within the SLA: %1 of those due</source>
        <translation>SLA内に受領：期限を迎えた引き継ぎの%1</translation>
    </message>
    <message>
        <source>Median time to acknowledge: %1 (business time)</source>
        <translation>受領までの時間の中央値：%1（営業時間）</translation>
    </message>
    <message numerus="yes">
        <source>Changed hands with no handoff record: %n time(s)</source>
        <translation>
            <numerusform>記録なしの担当変更：%n回</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged within the SLA: — (none due yet)</source>
        <translation>SLA内に受領：なし（期限を迎えた引き継ぎはまだありません）</translation>
    </message>
    <message>
        <source>Acknowledged → decided</source>
        <translation>受領 → 判断</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>受領：%1</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>差し戻しあり</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>却下：%1</translation>
    </message>
    <message>
        <source>Returned: missing %1</source>
        <translation>差し戻し：%1が未記入</translation>
    </message>
    <message>
        <source>Returned: %1</source>
        <translation>差し戻し：%1</translation>
    </message>
    <message>
        <source>Broke at hop %1: %2</source>
        <translation>%1番目の引き継ぎで抜け漏れ：%2</translation>
    </message>
    <message>
        <source>Broke here</source>
        <translation>ここで抜け漏れ</translation>
    </message>
    <message>
        <source>Handoffs of %1</source>
        <translation>%1の引き継ぎ</translation>
    </message>
    <message>
        <source>Open this handoff</source>
        <translation>この引き継ぎを開く</translation>
    </message>
    <message>
        <source>Select the hop</source>
        <translation>この引き継ぎを選択</translation>
    </message>
    <message>
        <source>Changed hands without a handoff record</source>
        <translation>引き継ぎの記録なしで担当者が変更</translation>
    </message>
    <message>
        <source>Packet unknown</source>
        <translation>引き継ぎ情報は不明</translation>
    </message>
    <message>
        <source>Changed hands: %1</source>
        <translation>担当者変更：%1</translation>
    </message>
    <message>
        <source>Click to list these handoffs</source>
        <translation>クリックでこれらの引き継ぎを一覧表示</translation>
    </message>
    <message>
        <source>Click to open this handoff</source>
        <translation>クリックでこの引き継ぎを開く</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>受領遅れ</translation>
    </message>
    <message>
        <source>Dropped — acknowledged %1 late</source>
        <translation>受領遅れ：%1遅れて受領</translation>
    </message>
    <message>
        <source>Dropped — not acknowledged, %1 overdue</source>
        <translation>受領遅れ：未受領のまま%1超過</translation>
    </message>
    <message>
        <source>From ↓</source>
        <translation>引き継ぎ元 ↓</translation>
    </message>
    <message>
        <source>Handoff chain</source>
        <translation>引き継ぎの流れ</translation>
    </message>
    <message>
        <source>Handoffs received by %1</source>
        <translation>%1が受けた引き継ぎ</translation>
    </message>
    <message>
        <source>Handoffs sent by %1</source>
        <translation>%1が送った引き継ぎ</translation>
    </message>
    <message>
        <source>Handoffs sent: %1</source>
        <translation>送った引き継ぎ：%1件</translation>
    </message>
    <message>
        <source>Info lost</source>
        <translation>抜け漏れ</translation>
    </message>
    <message>
        <source>Items lost (handoffs that lost each):</source>
        <translation>抜け漏れのあった項目（抜け漏れがあった引き継ぎの件数）：</translation>
    </message>
    <message>
        <source>Loses the most</source>
        <translation>抜け漏れが最多</translation>
    </message>
    <message>
        <source>Lost here</source>
        <translation>ここで抜け漏れ</translation>
    </message>
    <message>
        <source>Lost most: %1</source>
        <translation>主な抜け漏れ：%1</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>抜け漏れ：%1</translation>
    </message>
    <message>
        <source>No handoff</source>
        <translation>記録なしで担当変更</translation>
    </message>
    <message>
        <source>No handoff record</source>
        <translation>引き継ぎの記録なし</translation>
    </message>
    <message>
        <source>No handoffs between teams yet</source>
        <translation>チーム間の引き継ぎはまだありません</translation>
    </message>
    <message>
        <source>No handoffs yet</source>
        <translation>引き継ぎはまだありません</translation>
    </message>
    <message>
        <source>No information lost on this chain</source>
        <translation>この引き継ぎの流れに情報の抜け漏れはありません</translation>
    </message>
    <message>
        <source>No items lost</source>
        <translation>抜け漏れた項目はありません</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>Returned or rejected: %1 of %2 (%3)</source>
        <translation>差し戻し・却下：%2件中%1件（%3）</translation>
    </message>
    <message>
        <source>Select a task to see its handoffs</source>
        <translation>タスクを選択すると引き継ぎが表示されます</translation>
    </message>
    <message>
        <source>Sent incomplete</source>
        <translation>未記入のまま引き継ぎ</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>送付：%1</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>停滞</translation>
    </message>
    <message numerus="yes">
        <source>Stalled — no activity for %n business day(s)</source>
        <translation>
            <numerusform>停滞：%n営業日動きなし</numerusform>
        </translation>
    </message>
    <message>
        <source>Team to team handoff matrix</source>
        <translation>引き継ぎのチーム間マトリクス</translation>
    </message>
    <message>
        <source>To →</source>
        <translation>引き継ぎ先 →</translation>
    </message>
    <message>
        <source>Waiting for acknowledgement</source>
        <translation>受領待ち</translation>
    </message>
    <message>
        <source>acknowledged in %1</source>
        <translation>%1で受領</translation>
    </message>
    <message>
        <source>lost: %1</source>
        <translation>抜け漏れ：%1</translation>
    </message>
    <message>
        <source>median %1 to acknowledge</source>
        <translation>受領まで中央値%1</translation>
    </message>
    <message>
        <source>median — to acknowledge</source>
        <translation>受領までの中央値：なし</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>%1待ち</translation>
    </message>
    <message>
        <source>%1 handoffs</source>
        <translation>引き継ぎ%1件</translation>
    </message>
    <message>
        <source>%1 acknowledged in time</source>
        <translation>期限内受領 %1</translation>
    </message>
    <message>
        <source>%1 returned or rejected</source>
        <translation>差し戻し・却下 %1</translation>
    </message>
    <message>
        <source>— acknowledged in time</source>
        <translation>期限内の受領：なし</translation>
    </message>
    <message>
        <source>Loses the most (tie)</source>
        <translation>抜け漏れが最多（同率）</translation>
    </message>
    <message>
        <source>⚠ Loses the most information of all team pairs</source>
        <translation>⚠ 全チームの組み合わせの中で情報の抜け漏れが最多</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <source>Handoff log</source>
        <translation>引き継ぎログ</translation>
    </message>
    <message>
        <source>Loses the most: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>抜け漏れが最も多い組み合わせ：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No team pair has lost information yet.</source>
        <translation>情報の抜け漏れがあったチームの組み合わせはまだありません。</translation>
    </message>
    <message>
        <source>Team to team: who loses what</source>
        <translation>チーム間マトリクス：どこで何が抜け漏れているか</translation>
    </message>
    <message>
        <source>This task&apos;s handoffs over time</source>
        <translation>このタスクの引き継ぎの流れ</translation>
    </message>
    <message>
        <source>Lose the most, tied: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>抜け漏れが最も多い組み合わせ（同率）：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>most often lost: %1</source>
        <translation>抜け漏れの多い項目：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of hands with no handoff</source>
        <translation>
            <numerusform>記録なしの担当変更%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>On track</source>
        <translation>順調</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>要注意</translation>
    </message>
    <message>
        <source>Off track</source>
        <translation>危険</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>task %1</source>
        <translation>タスク %1</translation>
    </message>
    <message>
        <source>handoff %1</source>
        <translation>引き継ぎ %1</translation>
    </message>
    <message>
        <source>person %1</source>
        <translation>メンバー %1</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>チーム %1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>プロジェクト %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 (login: %2)</source>
        <translation>%1（ログイン：%2）</translation>
    </message>
    <message>
        <source>login %1</source>
        <translation>ログイン %1</translation>
    </message>
    <message>
        <source>person #%1</source>
        <translation>メンバー #%1</translation>
    </message>
    <message>
        <source>unknown person</source>
        <translation>不明な人</translation>
    </message>
    <message>
        <source>Created “%1”</source>
        <translation>「%1」を作成しました</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成しました</translation>
    </message>
    <message>
        <source>Reordered</source>
        <translation>並べ替えました</translation>
    </message>
    <message>
        <source>Description changed</source>
        <translation>説明を変更しました</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブしました</translation>
    </message>
    <message>
        <source>Restored from the archive</source>
        <translation>アーカイブから戻しました</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>コメント：%1</translation>
    </message>
    <message>
        <source>Checklist: %1</source>
        <translation>チェックリスト：%1</translation>
    </message>
    <message>
        <source>Trello list: %1 → %2</source>
        <translation>Trello のリスト：%1 → %2</translation>
    </message>
    <message>
        <source>At-risk flag cleared (was: %1)</source>
        <translation>リスクありのフラグを外しました（理由：%1）</translation>
    </message>
    <message>
        <source>Flagged at risk: %1</source>
        <translation>リスクありのフラグを立てました：%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 handoff re-sent: %2</source>
        <translation>%1の引き継ぎを再送しました：%2</translation>
    </message>
    <message>
        <source>%1 handoff sent: %2</source>
        <translation>%1の引き継ぎを送りました：%2</translation>
    </message>
    <message>
        <source>; sent without %1</source>
        <translation>（未記入のまま送信：%1）</translation>
    </message>
    <message>
        <source>Handoff acknowledged: %1</source>
        <translation>引き継ぎを受領しました：%1</translation>
    </message>
    <message>
        <source>Handoff accepted: %1</source>
        <translation>引き継ぎを引き受けました：%1</translation>
    </message>
    <message>
        <source>Handoff returned (%1): %2; missing %3</source>
        <translation>引き継ぎを差し戻しました（%1）：%2。未記入：%3</translation>
    </message>
    <message>
        <source>Handoff rejected (%1): %2</source>
        <translation>引き継ぎを却下しました（%1）：%2</translation>
    </message>
    <message>
        <source>Handoff withdrawn (its sending undone): %1</source>
        <translation>引き継ぎを取り下げました（送信を元に戻しました）：%1</translation>
    </message>
    <message>
        <source>Handoff sent again: %1</source>
        <translation>引き継ぎをもう一度送りました：%1</translation>
    </message>
    <message>
        <source>Asked about %1 (%2): “%3”</source>
        <translation>%1について質問しました（%2）：「%3」</translation>
    </message>
    <message>
        <source>Answered about %1 (%2): “%3”</source>
        <translation>%1についての質問に回答しました（%2）：「%3」</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Add me</source>
        <translation>自分を追加</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>メンバーを追加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Could not add you: %1</source>
        <translation>追加できませんでした：%1</translation>
    </message>
    <message>
        <source>I&apos;m not listed — add me</source>
        <translation>一覧にない場合は追加する</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>自分の名前を探す</translation>
    </message>
    <message>
        <source>People on this board</source>
        <translation>このボードのメンバー</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>名前が長すぎます（最大%1文字）。</translation>
    </message>
    <message>
        <source>The %1 is too long.</source>
        <translation>%1が長すぎます。</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>この名前で続ける</translation>
    </message>
    <message>
        <source>Type to find your name…</source>
        <translation>名前を入力して検索…</translation>
    </message>
    <message>
        <source>Who are you on this board?</source>
        <translation>このボードでのあなたを選んでください</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>あなたの名前を選んでください</translation>
    </message>
    <message>
        <source>Your changes are signed with your name, so colleagues know whom to ask. This is remembered on this computer only.</source>
        <translation>変更にはあなたの名前が記録されるため、同僚は誰に確認すればよいかがわかります。この設定はこのコンピューターにのみ保存されます。</translation>
    </message>
    <message>
        <source>Your name as colleagues know it</source>
        <translation>同僚が見てわかる名前</translation>
    </message>
    <message>
        <source>Your name is required.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>e-mail, extension or chat handle</source>
        <translation>メール、内線番号、チャットのIDなど</translation>
    </message>
    <message>
        <source>e.g. Inside Sales lead</source>
        <translation>例：インサイドセールスリーダー</translation>
    </message>
    <message>
        <source>role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>“%1” is already on the list above: pick it there.</source>
        <translation>「%1」はすでに上の一覧にあります。一覧から選んでください。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>%1: write the mapping as &apos;Column name=Status name&apos;.</source>
        <translation>%1：対応付けは「列名=ステータス名」の形で書いてください。</translation>
    </message>
    <message>
        <source>%1 is not a column of the import (%2).</source>
        <translation>%1 はインポートする列にありません（%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1: the due date is before the start date.</source>
        <translation>%1：期限が開始日より前です。</translation>
    </message>
    <message>
        <source>%1: its history of %2 (%3) %4.</source>
        <translation>%1：%2 の履歴（%3）に問題があります（%4）。</translation>
    </message>
    <message>
        <source>%1 and %2 have the same id (%3); each row must be a different task.</source>
        <translation>%1と%2の ID が同じです（%3）。行ごとに別のタスクにしてください。</translation>
    </message>
    <message>
        <source>%1, row %2: the text is not valid %3 (byte %4); save the file as “CSV UTF-8”.</source>
        <translation>%1 の%2行目：%3 として正しくない文字があります（%4バイト目）。ファイルを「CSV UTF-8」で保存してください。</translation>
    </message>
    <message>
        <source>%1, row %2: the text is not %3 (%4); save the file as “CSV UTF-8”.</source>
        <translation>%1 の%2行目：文字コードが %3 ではありません（%4）。ファイルを「CSV UTF-8」で保存してください。</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor Shift_JIS text. Save it from your spreadsheet as “CSV UTF-8”.</source>
        <translation>%1 は UTF-8 でも Shift_JIS でもありません。表計算ソフトから「CSV UTF-8」で保存してください。</translation>
    </message>
    <message>
        <source>%1 is not an encoding Python knows (e.g. utf-8, cp932).</source>
        <translation>%1 は Python で扱える文字コードではありません（例：utf-8、cp932）。</translation>
    </message>
    <message>
        <source>%1 is not an encoding Python knows.</source>
        <translation>%1 は Python で扱える文字コードではありません。</translation>
    </message>
    <message>
        <source>a cell is longer than %1 characters</source>
        <translation>%1文字を超えるセルがあります</translation>
    </message>
    <message>
        <source>the file ends inside a quoted cell (is it cut off?)</source>
        <translation>引用符で囲まれたセルの途中でファイルが終わっています（途中で切れていませんか？）</translation>
    </message>
    <message>
        <source>%1, row %2: %3.</source>
        <translation>%1 の%2行目：%3。</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>%1行目</translation>
    </message>
    <message>
        <source>row %1 (line %2)</source>
        <translation>%1行目（テキストの%2行目）</translation>
    </message>
    <message>
        <source>%1: write the mapping as &apos;Column=field&apos;.</source>
        <translation>%1：対応付けは「列名=項目」の形で書いてください。</translation>
    </message>
    <message>
        <source>%1 is not a column of the file (columns: %2).</source>
        <translation>%1 はファイルの列にありません（列：%2）。</translation>
    </message>
    <message>
        <source>%1 is not a field; use one of %2.</source>
        <translation>%1 は項目ではありません。次のいずれかを使ってください：%2。</translation>
    </message>
    <message>
        <source>%1: no column holds the task titles (columns: %2). Map one: --mapping &apos;Column=title&apos;.</source>
        <translation>%1：タスクのタイトルが入った列がありません（列：%2）。--mapping &apos;Column=title&apos; で対応付けてください。</translation>
    </message>
    <message>
        <source>%1 comment skipped: %2.</source>
        <translation>コメント%1件をインポートしませんでした：%2。</translation>
    </message>
    <message>
        <source>%1 comments skipped: %2.</source>
        <translation>コメント%1件をインポートしませんでした：%2。</translation>
    </message>
    <message>
        <source>no date before its text (Jira writes 12/Mar/24 10:15 AM;author;text)</source>
        <translation>テキストの前に日時がありません（Jira の形式は 12/Mar/24 10:15 AM;author;text）</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>テキストがありません</translation>
    </message>
    <message>
        <source>No column identifies the rows (an issue key or source id): importing this file again will add its rows again.</source>
        <translation>行を識別する列（課題キーまたはソース ID）がありません。このファイルをもう一度インポートすると、同じ行がもう一度追加されます。</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>インポートしなかった列：%1。</translation>
    </message>
    <message>
        <source>%1, %2, column %3</source>
        <translation>%1 の%2、列 %3</translation>
    </message>
    <message>
        <source>%1, %2 has %3 cells but the header has %4: is a comma missing its quotes?</source>
        <translation>%1 の%2はセルが%3個ありますが、見出し行は%4個です。カンマを引用符で囲み忘れていませんか？</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 の%2</translation>
    </message>
    <message>
        <source>%1: the title (%2) is empty.</source>
        <translation>%1：タイトル（%2）が空です。</translation>
    </message>
    <message>
        <source>%1: %2 is not a date (write it like 2024-03-12, 2024/03/12 or Jira&apos;s 12/Mar/24 10:15 AM).</source>
        <translation>%1：%2 は日付ではありません（2024-03-12、2024/03/12、Jira の 12/Mar/24 10:15 AM のように書いてください）。</translation>
    </message>
    <message>
        <source>%1: priority %2 is not one Renkei knows; left as Normal.</source>
        <translation>%1：優先度 %2 は Renkei にない値のため、「中」にしました。</translation>
    </message>
    <message>
        <source>%1: %2 is not yes or no.</source>
        <translation>%1：%2 は「はい」か「いいえ」ではありません。</translation>
    </message>
    <message>
        <source>%1: %2 is not %3.</source>
        <translation>%1：%2 は%3ではありません。</translation>
    </message>
    <message>
        <source>a percentage</source>
        <translation>パーセント値</translation>
    </message>
    <message>
        <source>%1: progress must be 0 to 100.</source>
        <translation>%1：進捗は0〜100で入力してください。</translation>
    </message>
    <message>
        <source>a number of hours</source>
        <translation>時間数</translation>
    </message>
    <message>
        <source>%1: the estimate is out of range.</source>
        <translation>%1：見積もりが範囲外です。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>the key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>the description with its checklists</source>
        <translation>チェックリストを含む説明</translation>
    </message>
    <message>
        <source>the comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>the board name</source>
        <translation>ボード名</translation>
    </message>
    <message>
        <source>the list name</source>
        <translation>リスト名</translation>
    </message>
    <message>
        <source>a checklist name</source>
        <translation>チェックリスト名</translation>
    </message>
    <message>
        <source>a checklist item</source>
        <translation>チェックリストの項目</translation>
    </message>
    <message>
        <source>the item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>the date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>the due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>the start date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>%1: the field %2 is missing.</source>
        <translation>%1：フィールド %2 がありません。</translation>
    </message>
    <message>
        <source>%1: the field %2 should be %3, but it is %4.</source>
        <translation>%1：フィールド %2 は%3のはずですが、%4です。</translation>
    </message>
    <message>
        <source>%1: the field %2 should list ids (text), but its item %3 is %4.</source>
        <translation>%1：フィールド %2 は ID（テキスト）の一覧のはずですが、%3番目の項目が%4です。</translation>
    </message>
    <message>
        <source>%1: %2 %3.</source>
        <translation>%1：%2に問題があります（%3）。</translation>
    </message>
    <message>
        <source>%1: %2 is %3 characters long; at most %4 can be imported.</source>
        <translation>%1：%2が%3文字あります。インポートできるのは最大%4文字です。</translation>
    </message>
    <message>
        <source>%1: %2 %3 is not a date and time.</source>
        <translation>%1：%2の %3 は日時ではありません。</translation>
    </message>
    <message>
        <source>%1: %2 %3 is not a real date.</source>
        <translation>%1：%2の %3 は存在しない日付です。</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>CSV ファイル</translation>
    </message>
    <message>
        <source>a Trello export</source>
        <translation>Trello のエクスポート</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 画像です</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 画像です</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 画像です</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文書です</translation>
    </message>
    <message>
        <source>a ZIP archive or an Excel workbook (.xlsx): save the sheet as CSV first</source>
        <translation>ZIP アーカイブか Excel ブック（.xlsx）です。先にシートを CSV で保存してください</translation>
    </message>
    <message>
        <source>an old Excel or Word file (.xls/.doc): save the sheet as CSV first</source>
        <translation>古い Excel または Word のファイル（.xls/.doc）です。先にシートを CSV で保存してください</translation>
    </message>
    <message>
        <source>an SQLite database (perhaps a Renkei board)</source>
        <translation>SQLite データベース（Renkei のボードかもしれません）です</translation>
    </message>
    <message>
        <source>a gzip-compressed file: unpack it first</source>
        <translation>gzip で圧縮されたファイルです。先に展開してください</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 はファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>ファイル %1 がありません。</translation>
    </message>
    <message>
        <source>%1 is %2 MB; imports are limited to %3. Export fewer boards or projects at a time.</source>
        <translation>%1 は%2 MB あります。インポートできるのは%3までです。一度にエクスポートするボードやプロジェクトを減らしてください。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 を読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 は空です。</translation>
    </message>
    <message>
        <source>%1 is not %2: it is %3.</source>
        <translation>%1：%2ではありません。%3。</translation>
    </message>
    <message>
        <source>%1 is not %2: it holds binary data, not text.</source>
        <translation>%1：%2ではありません。テキストではなくバイナリデータです。</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>%1番目のリスト</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>%1番目のカード</translation>
    </message>
    <message>
        <source>card %1 (%2)</source>
        <translation>%1番目のカード（%2）</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>%1番目のメンバー</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>%1番目のラベル</translation>
    </message>
    <message>
        <source>checklist %1</source>
        <translation>%1番目のチェックリスト</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>%1番目のアクション</translation>
    </message>
    <message>
        <source>%1, action of %2</source>
        <translation>%1（%2 のアクション）</translation>
    </message>
    <message>
        <source>%1 is in a list that is not in the export.</source>
        <translation>%1はエクスポートにないリストにあります。</translation>
    </message>
    <message>
        <source>%1 action skipped: %2.</source>
        <translation>アクション%1件をインポートしませんでした：%2。</translation>
    </message>
    <message>
        <source>%1 actions skipped: %2.</source>
        <translation>アクション%1件をインポートしませんでした：%2。</translation>
    </message>
    <message>
        <source>about a card that is not in the export</source>
        <translation>エクスポートにないカードのアクションです</translation>
    </message>
    <message>
        <source>%1 with no data</source>
        <translation>%1 に data がありません</translation>
    </message>
    <message>
        <source>%1 naming no card</source>
        <translation>%1 にカードの指定がありません</translation>
    </message>
    <message>
        <source>%1 with no text</source>
        <translation>%1 にテキストがありません</translation>
    </message>
    <message>
        <source>%1 with no item</source>
        <translation>%1 に項目がありません</translation>
    </message>
    <message>
        <source>%1 naming no member</source>
        <translation>%1 にメンバーの指定がありません</translation>
    </message>
    <message>
        <source>%1 is not %2: it is not UTF-8 text (byte %3).</source>
        <translation>%1：%2ではありません。UTF-8 のテキストではありません（%3バイト目）。</translation>
    </message>
    <message>
        <source>%1 is not %2: it holds the number %3, which no export writes (was the file changed by hand or by another program?).</source>
        <translation>%1：%2ではありません。エクスポートでは書かれない数値 %3 が含まれています（手作業や別のプログラムで変更されていませんか？）。</translation>
    </message>
    <message>
        <source>%1 is not %2: its data is nested too deeply to be a real export.</source>
        <translation>%1：%2ではありません。データの入れ子が深すぎて、実際のエクスポートとは考えられません。</translation>
    </message>
    <message>
        <source>%1 ends early (line %2): the file is cut off; export it again or copy it completely.</source>
        <translation>%1 は途中で終わっています（%2行目）。ファイルが切れています。もう一度エクスポートするか、全体をコピーしてください。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: line %2, column %3: %4.</source>
        <translation>%1 は正しい JSON ではありません（%2行目、%3文字目）：%4。</translation>
    </message>
    <message>
        <source>%1 is JSON, but not a Trello board export (it has no list of &apos;cards&apos; and &apos;lists&apos;). In Trello: Menu → Print, export and share → Export as JSON.</source>
        <translation>%1 は JSON ですが、Trello ボードのエクスポートではありません（&apos;cards&apos; と &apos;lists&apos; の一覧がありません）。Trello のメニューから「印刷、エクスポート、共有」→「JSON としてエクスポート」で書き出してください。</translation>
    </message>
    <message>
        <source>%1: %2 should be an object, but it is %3.</source>
        <translation>%1：%2はオブジェクトのはずですが、%3です。</translation>
    </message>
    <message>
        <source>%1 (data)</source>
        <translation>%1（data）</translation>
    </message>
    <message>
        <source>%1 (card)</source>
        <translation>%1（card）</translation>
    </message>
    <message>
        <source>%1: %2 should be a date, but it is %3.</source>
        <translation>%1：%2は日付のはずですが、%3です。</translation>
    </message>
    <message>
        <source>%1, label %2</source>
        <translation>%1の%2番目のラベル</translation>
    </message>
    <message>
        <source>%1 should be an object, but it is %2.</source>
        <translation>%1はオブジェクトのはずですが、%2です。</translation>
    </message>
    <message>
        <source>%1: checklist item %2 should be an object, but it is %3.</source>
        <translation>%1：チェックリストの%2番目の項目はオブジェクトのはずですが、%3です。</translation>
    </message>
    <message>
        <source>%1: only the first 20 labels were kept.</source>
        <translation>%1：ラベルは最初の20個だけを残しました。</translation>
    </message>
    <message>
        <source>%1: the start date is after the due date; start left out.</source>
        <translation>%1：開始日が期限より後のため、開始日を入れませんでした。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 new people</source>
        <translation>新しいメンバー%1人</translation>
    </message>
    <message>
        <source>%1 new projects</source>
        <translation>新しいプロジェクト%1件</translation>
    </message>
    <message>
        <source>%1 new statuses</source>
        <translation>新しいステータス%1件</translation>
    </message>
    <message>
        <source>%1 new teams</source>
        <translation>新しいチーム%1件</translation>
    </message>
    <message>
        <source>%1 rows with %2 status values. Pick a status for each value.</source>
        <translation>%1行、ステータスの値は%2種類です。値ごとにステータスを選んでください。</translation>
    </message>
    <message>
        <source>%1 tasks added, %2 updated, %3 history entries, %4 handoffs.</source>
        <translation>タスク%1件を追加、%2件を更新、履歴%3件、引き継ぎ%4件。</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>変更なし%1件</translation>
    </message>
    <message>
        <source>%1 “%2”, encoding %3. Choose the task field each column feeds.</source>
        <translation>%1「%2」（文字コード：%3）。列ごとに取り込み先の項目を選んでください。</translation>
    </message>
    <message>
        <source>&amp;CSV file (Jira, spreadsheet)…</source>
        <translation>CSV ファイル（Jira、表計算）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Trello board…</source>
        <translation>Trello ボード(&amp;T)…</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（取り込まない）</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>Columns of the file and their fields</source>
        <translation>ファイルの列と対応する項目</translation>
    </message>
    <message>
        <source>Trello lists and their statuses</source>
        <translation>Trello のリストと対応するステータス</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV ファイル</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV ファイル (*.csv *.txt)</translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel 用 CSV、BOM 付き UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV、UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした：%2</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <source>Export tasks as &amp;CSV…</source>
        <translation>タスクを CSV でエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Export tasks as CSV</source>
        <translation>タスクを CSV でエクスポート</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>先頭の行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Import CSV file</source>
        <translation>CSV ファイルをインポート</translation>
    </message>
    <message>
        <source>Import Trello board</source>
        <translation>Trello ボードをインポート</translation>
    </message>
    <message>
        <source>Import cancelled. The board was not changed.</source>
        <translation>インポートをキャンセルしました。ボードは変更されていません。</translation>
    </message>
    <message>
        <source>Imported from “%1”.</source>
        <translation>「%1」からインポートしました。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポート中…</translation>
    </message>
    <message>
        <source>Jira export</source>
        <translation>Jira のエクスポート</translation>
    </message>
    <message>
        <source>Key (matches on re-import)</source>
        <translation>キー（再インポート時の照合用）</translation>
    </message>
    <message>
        <source>New status “%1”</source>
        <translation>新しいステータス「%1」</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>エクスポートされませんでした</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>インポートされませんでした</translation>
    </message>
    <message>
        <source>Nothing was imported; the board was not changed.</source>
        <translation>何もインポートされませんでした。ボードは変更されていません。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Renkei could not confirm whether the import was saved. Look at the board once it is connected again; importing the same file again adds nothing twice.</source>
        <translation>取り込みが保存されたかどうかを Renkei は確認できませんでした。再び接続されたらボードを確認してください。同じファイルをもう一度取り込んでも、二重には追加されません。</translation>
    </message>
    <message>
        <source>Row id</source>
        <translation>行 ID</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Status in the file</source>
        <translation>ファイル内のステータス</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Tasks written to %1</source>
        <translation>タスクを %1 に書き出しました</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Trello board “%1”: %2 cards in %3 lists. Pick a status for each list.</source>
        <translation>Trello ボード「%1」：%3リストに%2枚のカード。リストごとにステータスを選んでください。</translation>
    </message>
    <message>
        <source>Trello export (*.json)</source>
        <translation>Trello のエクスポート (*.json)</translation>
    </message>
    <message>
        <source>Trello list</source>
        <translation>Trello のリスト</translation>
    </message>
    <message>
        <source>Writing the tasks…</source>
        <translation>タスクを書き出し中…</translation>
    </message>
</context>
<context>
    <name>Kanban</name>
    <message>
        <source>All tasks</source>
        <translation>すべてのタスク</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n more finished task(s)</source>
        <translation>
            <numerusform>完了したタスクをあと%n件表示</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a task to %1</source>
        <translation>%1 にタスクを追加</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) shown</source>
        <translation>
            <numerusform>%n件中%1件を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s)</source>
        <translation>
            <numerusform>%n件中%1件</numerusform>
        </translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>上限超過</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>担当者：%1</translation>
    </message>
    <message>
        <source>at risk: %1</source>
        <translation>リスクあり：%1</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>進捗%1%</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>%1 に移動</translation>
    </message>
    <message>
        <source>Open the task</source>
        <translation>タスクを開く</translation>
    </message>
    <message>
        <source>Select the card</source>
        <translation>カードを選択</translation>
    </message>
    <message>
        <source>Show the card&apos;s menu</source>
        <translation>カードのメニューを表示</translation>
    </message>
    <message>
        <source>Unfold the lane</source>
        <translation>レーンを展開</translation>
    </message>
    <message>
        <source>Fold the lane</source>
        <translation>レーンを折りたたむ</translation>
    </message>
    <message>
        <source>Moved to %1, %2</source>
        <translation>%1（%2）に移動しました</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>%1 に移動しました</translation>
    </message>
    <message>
        <source>Moved to place %1 in %2</source>
        <translation>%2 の%1番目に移動しました</translation>
    </message>
    <message>
        <source>Changed by %1: %2</source>
        <translation>%1 さんが変更しました：%2</translation>
    </message>
    <message numerus="yes">
        <source>▾ %n more finished</source>
        <translation>
            <numerusform>▾ 完了済みをあと%n件表示</numerusform>
        </translation>
    </message>
    <message>
        <source>+ Add task</source>
        <translation>+ タスクを追加</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2件中%1件</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック中</translation>
    </message>
    <message>
        <source>Handed to %1 %2 ago; not acknowledged yet.</source>
        <translation>%2前に %1 へ引き継ぎましたが、まだ受領されていません。</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当者：%1</translation>
    </message>
    <message>
        <source>Kanban board</source>
        <translation>カンバンボード</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <source>New task title — Enter to add</source>
        <translation>新しいタスク名（Enter キーで追加）</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>プロジェクトなし</translation>
    </message>
    <message>
        <source>No task matches the filter.</source>
        <translation>絞り込み条件に一致するタスクはありません。</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Over limit</source>
        <translation>上限超過</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>待ち %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 (could not confirm whether it was saved)</source>
        <translation>%1（保存されたかどうか確認できませんでした）</translation>
    </message>
    <message>
        <source>%1 of %2 tasks shown · %3</source>
        <translation>%2件中%1件を表示&#x3000;%3</translation>
    </message>
    <message>
        <source>%1 rows were copied to %2. Open the server board now?

The file stays where it was: ask the team to open the server board from now on.</source>
        <translation>%1行を %2 にコピーしました。サーバーのボードを今すぐ開きますか？

ファイルは元の場所に残ります。これからはサーバーのボードを開くようチームに伝えてください。</translation>
    </message>
    <message>
        <source>%1 tasks · %2</source>
        <translation>タスク%1件&#x3000;%2</translation>
    </message>
    <message>
        <source>%1 unsaved changes — Retry</source>
        <translation>未保存の変更%1件（再試行）</translation>
    </message>
    <message>
        <source>%1 — Renkei</source>
        <translation>%1 - Renkei</translation>
    </message>
    <message>
        <source>&amp;About Renkei</source>
        <translation>Renkei について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Archive task</source>
        <translation>タスクをアーカイブ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>ボード(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>サーバーに接続(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Detail pane</source>
        <translation>詳細パネル(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit task…</source>
        <translation>タスクを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Export status as PDF…</source>
        <translation>状況レポートをPDFでエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Handoffs</source>
        <translation>引き継ぎ(&amp;H)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Show or hide the task&apos;s details (%1)</source>
        <translation>タスクの詳細を表示・非表示（%1）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Move this board to a server…</source>
        <translation>このボードをサーバーに移す(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New board…</source>
        <translation>新しいボード(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>新しいタスク(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open board…</source>
        <translation>ボードを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>「%1」をやり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Standup</source>
        <translation>朝会(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Swimlanes</source>
        <translation>スイムレーン(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>「%1」を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>1 unsaved change — Retry</source>
        <translation>未保存の変更1件（再試行）</translation>
    </message>
    <message>
        <source>Add &amp;person…</source>
        <translation>メンバーを追加(&amp;P)…</translation>
    </message>
    <message>
        <source>Add &amp;team…</source>
        <translation>チームを追加(&amp;T)…</translation>
    </message>
    <message>
        <source>Add p&amp;roject…</source>
        <translation>プロジェクトを追加(&amp;R)…</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>メンバーを追加</translation>
    </message>
    <message>
        <source>Add project</source>
        <translation>プロジェクトを追加</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>タスクを追加</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>チームを追加</translation>
    </message>
    <message>
        <source>Archive task</source>
        <translation>タスクをアーカイブ</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <source>Board copied to the server</source>
        <translation>ボードをサーバーにコピーしました</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>プロジェクト別</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>チーム別</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>やり直せません</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>元に戻せません</translation>
    </message>
    <message>
        <source>Change not confirmed</source>
        <translation>変更を確認できません</translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation>変更は保存されていません</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>他のメンバーが変更しました</translation>
    </message>
    <message>
        <source>Clear &amp;filter</source>
        <translation>絞り込みを解除(&amp;F)</translation>
    </message>
    <message>
        <source>Click to save these again.</source>
        <translation>クリックすると、これらの変更をもう一度保存します。</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>保存せずに閉じますか？</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Handoff &amp;templates…</source>
        <translation>引き継ぎテンプレート(&amp;T)…</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>It is kept in the status bar. Once it says Connected again, look at the task&apos;s history; “Retry” is safe either way: a change that was saved is not made twice.</source>
        <translation>この変更はステータスバーに保持されています。再び「接続中」と表示されたら、タスクの履歴を確認してください。どちらの場合も「再試行」は安全です。保存済みの変更が二重に行われることはありません。</translation>
    </message>
    <message>
        <source>It is kept in the status bar: press “Retry” there once it says Connected again. Renkei keeps trying to reconnect.</source>
        <translation>この変更はステータスバーに保持されています。ステータスバーに再び「接続中」と表示されたら、そこで「再試行」を押してください。Renkei は再接続を試み続けます。</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>カードを移動</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>New %1 “%2”</source>
        <translation>新しい%1「%2」</translation>
    </message>
    <message>
        <source>New board</source>
        <translation>新しいボード</translation>
    </message>
    <message>
        <source>No recent boards</source>
        <translation>最近使ったボードはありません</translation>
    </message>
    <message>
        <source>No swimlanes</source>
        <translation>スイムレーンなし</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>Nothing was changed. Renkei keeps trying to reconnect; try again once the status bar says Connected.</source>
        <translation>何も変更されていません。Renkei は再接続を試み続けます。ステータスバーに「接続中」と表示されたら、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Once the status bar says Connected again, look at the history.</source>
        <translation>ステータスバーに再び「接続中」と表示されたら、履歴を確認してください。</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったボードを開く(&amp;R)</translation>
    </message>
    <message>
        <source>Open board</source>
        <translation>ボードを開く</translation>
    </message>
    <message>
        <source>Open the server board</source>
        <translation>サーバーのボードを開く</translation>
    </message>
    <message>
        <source>Present on:</source>
        <translation>表示先の画面：</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>プロジェクト名：</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>「%1」をやり直す</translation>
    </message>
    <message>
        <source>Renkei boards (*.renkei)</source>
        <translation>Renkei ボード (*.renkei)</translation>
    </message>
    <message>
        <source>Renkei boards (*.renkei);;All files (*)</source>
        <translation>Renkei ボード (*.renkei);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Renkei could not confirm whether your change was saved: the board could not be read after an error while saving.</source>
        <translation>あなたの変更が保存されたかどうかを Renkei は確認できませんでした。保存中のエラーの後、ボードを読み込めませんでした。</translation>
    </message>
    <message>
        <source>Retry is possible once the board is connected again.</source>
        <translation>ボードに再接続されると再試行できます。</translation>
    </message>
    <message>
        <source>Show its handoffs</source>
        <translation>このタスクの引き継ぎを表示</translation>
    </message>
    <message>
        <source>Since your edit, someone else changed %1:</source>
        <translation>あなたの編集後に、他のメンバーが %1 を変更しました：</translation>
    </message>
    <message>
        <source>Someone changed the same field since; redoing would overwrite their change, so nothing was redone.

%1</source>
        <translation>その後、他のメンバーが同じ項目を変更しています。やり直すとその変更を上書きしてしまうため、やり直しは行いませんでした。

%1</translation>
    </message>
    <message>
        <source>Standup</source>
        <translation>朝会</translation>
    </message>
    <message>
        <source>Standup &amp;order…</source>
        <translation>朝会の順番(&amp;O)…</translation>
    </message>
    <message>
        <source>Standup held</source>
        <translation>朝会を実施</translation>
    </message>
    <message>
        <source>Status report written to %1</source>
        <translation>状況レポートを %1 に保存しました</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>チーム名：</translation>
    </message>
    <message>
        <source>The &amp;board</source>
        <translation>ボード(&amp;B)</translation>
    </message>
    <message>
        <source>The change (%1):</source>
        <translation>変更（%1）：</translation>
    </message>
    <message>
        <source>The change that was not saved (%1):</source>
        <translation>保存されなかった変更（%1）：</translation>
    </message>
    <message>
        <source>The task changed again meanwhile; nothing was undone.</source>
        <translation>その間にタスクが再度変更されたため、何も元に戻していません。</translation>
    </message>
    <message>
        <source>These changes could not reach the board and are NOT saved:

%1

Close anyway and lose them?</source>
        <translation>次の変更はボードに届かず、保存されていません：

%1

このまま閉じて、これらの変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>「%1」を元に戻す</translation>
    </message>
    <message>
        <source>Undo anyway and replace their value?</source>
        <translation>それでも元に戻して、相手の値を置き換えますか？</translation>
    </message>
    <message>
        <source>Undo over someone else&apos;s change?</source>
        <translation>他のメンバーの変更を上書きして元に戻しますか？</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>あなた：%1</translation>
    </message>
    <message>
        <source>You: not chosen</source>
        <translation>あなた：未選択</translation>
    </message>
    <message>
        <source>Your change was NOT saved: the board could not be reached.</source>
        <translation>あなたの変更は保存されていません。ボードに接続できませんでした。</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>person</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>並び替え</translation>
    </message>
    <message>
        <source>restored from the archive</source>
        <translation>アーカイブから復元</translation>
    </message>
    <message>
        <source>task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>“%1” had been saved already; it was not made twice.</source>
        <translation>「%1」はすでに保存されていました。二重には行っていません。</translation>
    </message>
    <message>
        <source>• %1: %2 made it “%3”; undo would put back “%4”.</source>
        <translation>• %1：%2 さんが「%3」に変更しました。元に戻すと「%4」に戻ります。</translation>
    </message>
    <message>
        <source>• %1: now “%3”; undo would put back “%4”.</source>
        <translation>• %1：現在は「%3」です。元に戻すと「%4」に戻ります。</translation>
    </message>
</context>
<context>
    <name>MergeCopies</name>
    <message>
        <source>%1 held nothing new.</source>
        <translation>%1 には新しい変更はありませんでした。</translation>
    </message>
    <message>
        <source>%1 was not merged (cancelled); it stays where it is.</source>
        <translation>%1 はマージしませんでした（キャンセル）。そのまま残っています。</translation>
    </message>
    <message>
        <source>%1 was not merged: %2</source>
        <translation>%1 はマージできませんでした：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from %1 merged.</source>
        <translation>
            <numerusform>%1 から%n件の変更をマージしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>It was kept as %1.</source>
        <translation>%1 として保管しました。</translation>
    </message>
    <message>
        <source>Merge conflict copies</source>
        <translation>競合コピーのマージ</translation>
    </message>
</context>
<context>
    <name>MergeOffer</name>
    <message numerus="yes">
        <source>A sync tool left %n copy(s) of this board beside it, made when two people changed it at the same moment:</source>
        <translation>
            <numerusform>同期ツールが、2人が同時に変更したときにできたこのボードのコピーを%n件、同じ場所に残しています：</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved in them are not on the board yet. Merge replays them onto the board as the people who made them, at their times, and asks about any field changed on both sides. Each copy is then kept beside the board, renamed.</source>
        <translation>これらに保存された変更はまだボードに反映されていません。「マージ」すると、変更した人と日時のままボードに再現し、両方で変更された項目は確認します。その後、各コピーは名前を変えてボードと同じ場所に保管されます。</translation>
    </message>
    <message>
        <source>Conflict copies beside the board</source>
        <translation>ボードと同じ場所に競合コピーがあります</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>マージ</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>後で</translation>
    </message>
</context>
<context>
    <name>MoveToServer</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Copy cancelled; nothing was written to the server.</source>
        <translation>コピーをキャンセルしました。サーバーには何も書き込まれていません。</translation>
    </message>
    <message>
        <source>Copy to server</source>
        <translation>サーバーにコピー</translation>
    </message>
    <message>
        <source>Move this board to a server</source>
        <translation>このボードをサーバーに移す</translation>
    </message>
    <message>
        <source>Nothing was copied: %1</source>
        <translation>何もコピーされませんでした：%1</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Renkei copies this board, with its whole history, into an empty database on a PostgreSQL server, where the whole team can work on it at once. The file stays where it is.</source>
        <translation>Renkei はこのボードを履歴ごと PostgreSQL サーバーの空のデータベースにコピーします。そこではチーム全員が同時に作業できます。ファイルは元の場所に残ります。</translation>
    </message>
    <message>
        <source>Rows copied</source>
        <translation>コピーした行</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>サーバーのアドレス(&amp;A)：</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <source>The server asked for a password: type it in the Password field.</source>
        <translation>サーバーがパスワードを求めています。パスワード欄に入力してください。</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, for example %1.</source>
        <translation>サーバーのアドレスを入力してください（例：%1）。</translation>
    </message>
    <message>
        <source>leave empty if the server needs none</source>
        <translation>不要なら空欄のまま</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Write it as %2.</source>
        <translation>「%1」はサーバーのアドレスではありません。%2 の形で書いてください。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>It was changed again meanwhile; your change was not saved and the board shows the latest version.</source>
        <translation>その間にもう一度変更されました。あなたの変更は保存されていません。ボードには最新の内容が表示されています。</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>相手の変更を残す</translation>
    </message>
    <message>
        <source>Replace with mine</source>
        <translation>自分の変更で置き換える</translation>
    </message>
    <message>
        <source>Saving “%1”…</source>
        <translation>「%1」を保存しています…</translation>
    </message>
    <message>
        <source>Someone else changed %1 since you last saw it:

%2

Keep their version, or replace it with yours?</source>
        <translation>%1 は、あなたが最後に見たあとで他のメンバーに変更されました：

%2

相手の内容を残しますか、それともあなたの内容で置き換えますか？</translation>
    </message>
    <message>
        <source>• %1: now “%2”; yours “%3”</source>
        <translation>• %1：現在は「%2」、あなたの値は「%3」</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>%1: set a date</source>
        <translation>%1：日付を設定</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation>システムに合わせる（ライト / ダーク）</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Default board:</source>
        <translation>既定のボード(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Due soon within:</source>
        <translation>期限間近とみなす日数(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Move on by itself when the time is up</source>
        <translation>持ち時間が過ぎたら自動で次へ(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Stale after:</source>
        <translation>停滞とみなす日数(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Time per team:</source>
        <translation>チームごとの持ち時間(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Wait before moving on:</source>
        <translation>次へ進むまでの待ち時間(&amp;W)：</translation>
    </message>
    <message>
        <source>An unfinished task nobody has changed for this many days is “Stale” (the backlog is left out).</source>
        <translation>この日数のあいだ誰も変更していない未完了のタスクを「停滞」とします（バックログは対象外）。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Cards show their due date with a clock this close to it, and a task this close to its due date with less done than time used is “Behind”.</source>
        <translation>期限がこの日数以内に迫ったカードは期限を時計付きで表示し、経過した時間より進捗が少ないタスクを「遅れ気味」とします。</translation>
    </message>
    <message>
        <source>Changes show at once on the board, the timeline, the standup and the status report. They are yours: other people on the board keep theirs.</source>
        <translation>変更はボード、タイムライン、朝会、状況レポートにすぐ反映されます。この設定はあなた専用で、同じボードの他のメンバーにはそれぞれの設定が使われます。</translation>
    </message>
    <message>
        <source>Default board</source>
        <translation>既定のボード</translation>
    </message>
    <message>
        <source>During the standup, A turns moving on by itself on and off.</source>
        <translation>朝会中は A キーで自動送りのオン / オフを切り替えられます。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>High contrast: white and yellow on black with strong edges, for bright rooms and low vision. Risk always shows an icon and a word as well.</source>
        <translation>ハイコントラスト：黒地に白と黄色、はっきりした枠線で、明るい部屋や見えにくさのある方に向いています。リスクは常にアイコンと言葉でも示します。</translation>
    </message>
    <message>
        <source>Opened when Renkei starts without --board, in the window and on the command line. A file path or a server address.</source>
        <translation>--board を指定せずに Renkei を起動したとき（ウィンドウでもコマンドラインでも）に開きます。ファイルのパスまたはサーバーのアドレスです。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>Preferences not saved</source>
        <translation>環境設定は保存されませんでした</translation>
    </message>
    <message>
        <source>Renkei boards (*%1);;All files (*)</source>
        <translation>Renkei ボード (*%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Renkei could not save your preferences in %1: %2</source>
        <translation>環境設定を %1 に保存できませんでした：%2</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>リスク</translation>
    </message>
    <message>
        <source>Slide t&amp;heme:</source>
        <translation>スライドのテーマ(&amp;H)：</translation>
    </message>
    <message>
        <source>Standup</source>
        <translation>朝会</translation>
    </message>
    <message>
        <source>Takes effect at the next standup; T switches.</source>
        <translation>次の朝会から有効です。朝会中は T キーで切り替えられます。</translation>
    </message>
    <message>
        <source>The built-in board</source>
        <translation>組み込みのボード</translation>
    </message>
    <message>
        <source>The language changes the next time Renkei starts.</source>
        <translation>言語は次に Renkei を起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>There is no file at this path now.</source>
        <translation>現在、このパスにファイルはありません。</translation>
    </message>
    <message>
        <source>Use the &amp;built-in board</source>
        <translation>組み込みのボードを使う(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>緊急</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no column called %1 on this board (%2)</source>
        <translation>このボードに %1 という列はありません（%2）</translation>
    </message>
    <message>
        <source>no team called %1 on this board (%2)</source>
        <translation>このボードに %1 というチームはありません（%2）</translation>
    </message>
    <message>
        <source>nobody called %1 on this board (%2)</source>
        <translation>このボードに %1 という人はいません（%2）</translation>
    </message>
    <message>
        <source>no project called %1 on this board (%2)</source>
        <translation>このボードに %1 というプロジェクトはありません（%2）</translation>
    </message>
    <message>
        <source>progress is a whole number from 0 to 100</source>
        <translation>進捗は0から100までの整数で入力してください</translation>
    </message>
    <message>
        <source>the estimate is a number of hours, such as 4 or 2.5</source>
        <translation>見積もりは4や2.5のような時間数で入力してください</translation>
    </message>
    <message>
        <source>%1 is not a task id (use ids such as 12,15)</source>
        <translation>%1 はタスク ID ではありません（12,15 のように ID で指定してください）</translation>
    </message>
    <message>
        <source>there is no task %1 on this board</source>
        <translation>このボードにタスク%1はありません</translation>
    </message>
    <message>
        <source>use true or false</source>
        <translation>true か false で指定してください</translation>
    </message>
    <message>
        <source>a task needs a team; name another team to move it (%1)</source>
        <translation>タスクにはチームが必要です。移す場合は別のチームを指定してください（%1）</translation>
    </message>
    <message>
        <source>unknown field (fields: %1)</source>
        <translation>不明な項目です（項目：%1）</translation>
    </message>
    <message>
        <source>not a date in the calendar (use YYYY-MM-DD)</source>
        <translation>存在しない日付です（YYYY-MM-DD で入力してください）</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD)</source>
        <translation>日付ではありません（YYYY-MM-DD で入力してください）</translation>
    </message>
    <message>
        <source>%1 cannot be empty</source>
        <translation>%1は空にできません</translation>
    </message>
    <message>
        <source>not field=value (e.g. due=2026-12-03; an empty value clears: owner=)</source>
        <translation>項目=値 の形ではありません（例：due=2026-12-03。値を空にすると消去します：owner=）</translation>
    </message>
    <message>
        <source>this field is given twice</source>
        <translation>この項目が2回指定されています</translation>
    </message>
    <message>
        <source>there are none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>one of: %1 and %2 more</source>
        <translation>候補：%1 ほか%2件</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>候補：%1</translation>
    </message>
    <message>
        <source>Say who you are with --as NAME (%1)</source>
        <translation>--as 名前 で自分の名前を指定してください（%1）</translation>
    </message>
    <message>
        <source>task %1 was changed meanwhile (%2)</source>
        <translation>タスク%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>handoff %1 was changed meanwhile (%2)</source>
        <translation>引き継ぎ%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>person %1 was changed meanwhile (%2)</source>
        <translation>メンバー%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>team %1 was changed meanwhile (%2)</source>
        <translation>チーム%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>project %1 was changed meanwhile (%2)</source>
        <translation>プロジェクト%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>status %1 was changed meanwhile (%2)</source>
        <translation>列%1はその間に変更されました（%2）</translation>
    </message>
    <message>
        <source>%1 %2 was changed meanwhile (%3)</source>
        <translation>%1 %2 はその間に変更されました（%3）</translation>
    </message>
    <message>
        <source>not a date: %1 (use YYYY-MM-DD)</source>
        <translation>日付ではありません：%1（YYYY-MM-DD で入力してください）</translation>
    </message>
    <message>
        <source>not a date in the calendar: %1 (use YYYY-MM-DD)</source>
        <translation>存在しない日付です：%1（YYYY-MM-DD で入力してください）</translation>
    </message>
    <message>
        <source>The at-risk reason</source>
        <translation>リスクありの理由</translation>
    </message>
    <message>
        <source>A question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>A tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>An answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送付済み</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>引き受け済み</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>差し戻し済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下済み</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>取り下げ済み</translation>
    </message>
    <message>
        <source>%1 contains a NUL character</source>
        <translation>%1にNUL文字が含まれています</translation>
    </message>
    <message>
        <source>%1 is not valid text: it holds a broken character (bytes that are not UTF-8, or a lone surrogate)</source>
        <translation>%1は正しいテキストではありません：壊れた文字（UTF-8 ではないバイト、または単独のサロゲート）が含まれています</translation>
    </message>
    <message>
        <source>%1 contains a tab; it must be a single line</source>
        <translation>%1にタブが含まれています。1行で入力してください</translation>
    </message>
    <message>
        <source>%1 contains a line break; it must be a single line</source>
        <translation>%1に改行が含まれています。1行で入力してください</translation>
    </message>
    <message>
        <source>%1 contains a control character (U+%2)</source>
        <translation>%1に制御文字（U+%2）が含まれています</translation>
    </message>
    <message>
        <source>%1 has no field &apos;%2&apos;</source>
        <translation>%1には項目「%2」がありません</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1は必須です</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1はテキストで入力してください</translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters, at most %3)</source>
        <translation>%1が長すぎます（%2文字、最大%3文字）</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1は数値で入力してください</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1は有限の数値で入力してください</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1は整数で入力してください</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1は%2から%3までの値で入力してください</translation>
    </message>
    <message>
        <source>%1 must be an id</source>
        <translation>%1は ID で指定してください</translation>
    </message>
    <message>
        <source>%1 must be a date</source>
        <translation>%1は日付で入力してください</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1は true か false で指定してください</translation>
    </message>
    <message>
        <source>unknown priority %1 (use one of %2)</source>
        <translation>不明な優先度です：%1（%2 のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>tag %1… is too long (at most %2 characters)</source>
        <translation>タグ %1… が長すぎます（最大%2文字）</translation>
    </message>
    <message>
        <source>too many tags (%1, at most %2)</source>
        <translation>タグが多すぎます（%1個、最大%2個）</translation>
    </message>
    <message>
        <source>%1 must list task ids</source>
        <translation>%1にはタスク ID を並べてください</translation>
    </message>
    <message>
        <source>%1 must be a risk flag</source>
        <translation>%1はリスクありフラグで指定してください</translation>
    </message>
    <message>
        <source>an at-risk flag needs a reason</source>
        <translation>リスクありフラグには理由が必要です</translation>
    </message>
    <message>
        <source>the at-risk reason is too long (at most %1 characters)</source>
        <translation>リスクありの理由が長すぎます（最大%1文字）</translation>
    </message>
    <message>
        <source>%1 must be a date and time</source>
        <translation>%1は日時で指定してください</translation>
    </message>
    <message>
        <source>%1 must list item names</source>
        <translation>%1には項目名を並べてください</translation>
    </message>
    <message>
        <source>item name %1… is too long (at most %2 characters)</source>
        <translation>項目名 %1… が長すぎます（最大%2文字）</translation>
    </message>
    <message>
        <source>a handoff item needs a name and provided</source>
        <translation>引き継ぎの項目には名前と記入の有無が必要です</translation>
    </message>
    <message>
        <source>items must be handoff items</source>
        <translation>項目は引き継ぎの項目で指定してください</translation>
    </message>
    <message>
        <source>a handoff item&apos;s name and value are text</source>
        <translation>引き継ぎの項目の名前と値はテキストで指定してください</translation>
    </message>
    <message>
        <source>a handoff item is provided or not (true or false)</source>
        <translation>引き継ぎの項目は記入済みかどうか（true か false）で指定してください</translation>
    </message>
    <message>
        <source>each item of a handoff is named once, without blanks</source>
        <translation>引き継ぎの各項目には、空欄でない名前を1回ずつ付けてください</translation>
    </message>
    <message>
        <source>item %1: a provided item has a value, a missing one not</source>
        <translation>項目 %1：記入済みの項目には値があり、未記入の項目には値がありません</translation>
    </message>
    <message>
        <source>item %1 is too long (at most %2 characters)</source>
        <translation>項目 %1 が長すぎます（最大%2文字）</translation>
    </message>
    <message>
        <source>questions must be handoff questions</source>
        <translation>質問は引き継ぎの質問で指定してください</translation>
    </message>
    <message>
        <source>a question has some text (at most %1 characters)</source>
        <translation>質問には本文が必要です（最大%1文字）</translation>
    </message>
    <message>
        <source>an answer has some text, who gave it and when</source>
        <translation>回答には本文、回答者、回答日時が必要です</translation>
    </message>
    <message>
        <source>each question of a handoff has its own id</source>
        <translation>引き継ぎの各質問には別々の ID が必要です</translation>
    </message>
    <message>
        <source>unknown handoff state %1 (one of %2)</source>
        <translation>不明な引き継ぎの状態です：%1（%2 のいずれか）</translation>
    </message>
    <message>
        <source>%1 must be a reason code</source>
        <translation>%1は理由のコードで指定してください</translation>
    </message>
    <message>
        <source>reason %1 is not one of %2</source>
        <translation>理由 %1 は %2 のいずれでもありません</translation>
    </message>
    <message>
        <source>a question needs an id, item, asker, time and text</source>
        <translation>質問には ID、項目、質問者、日時、本文が必要です</translation>
    </message>
    <message>
        <source>template %1 has no item(s) %2 (items: %3)</source>
        <translation>テンプレート %1 に項目 %2 はありません（項目：%3）</translation>
    </message>
    <message>
        <source>item(s) both provided and missing: %1</source>
        <translation>記入済みと未記入の両方に指定された項目があります：%1</translation>
    </message>
    <message>
        <source>a handoff goes to someone else, not to its sender</source>
        <translation>引き継ぎ先には引き継ぎ元以外の人を指定してください</translation>
    </message>
    <message>
        <source>only a returned handoff can be re-sent (this one is %1)</source>
        <translation>再送できるのは差し戻された引き継ぎだけです（この引き継ぎは%1です）</translation>
    </message>
    <message>
        <source>only the sender can re-send a returned handoff</source>
        <translation>差し戻された引き継ぎを再送できるのは引き継ぎ元だけです</translation>
    </message>
    <message>
        <source>a handoff cannot be answered before it was sent</source>
        <translation>送付される前の日時で引き継ぎに応答することはできません</translation>
    </message>
    <message>
        <source>only the receiver can acknowledge this handoff</source>
        <translation>この引き継ぎを受領できるのは引き継ぎ先だけです</translation>
    </message>
    <message>
        <source>cannot acknowledge a handoff that is %1</source>
        <translation>%1の引き継ぎは受領できません</translation>
    </message>
    <message>
        <source>only the receiver can accept this handoff</source>
        <translation>この引き継ぎを引き受けられるのは引き継ぎ先だけです</translation>
    </message>
    <message>
        <source>cannot accept a handoff that is %1</source>
        <translation>%1の引き継ぎは引き受けられません</translation>
    </message>
    <message>
        <source>only the receiver can return this handoff</source>
        <translation>この引き継ぎを差し戻せるのは引き継ぎ先だけです</translation>
    </message>
    <message>
        <source>cannot return a handoff that is %1</source>
        <translation>%1の引き継ぎは差し戻せません</translation>
    </message>
    <message>
        <source>return reason %1 is not one of %2</source>
        <translation>差し戻しの理由 %1 は %2 のいずれでもありません</translation>
    </message>
    <message>
        <source>name at least one missing item when returning a handoff</source>
        <translation>引き継ぎを差し戻すときは、未記入の項目を1つ以上指定してください</translation>
    </message>
    <message>
        <source>not an item of this handoff: %1 (items: %2)</source>
        <translation>この引き継ぎの項目ではありません：%1（項目：%2）</translation>
    </message>
    <message>
        <source>only the receiver can reject this handoff</source>
        <translation>この引き継ぎを却下できるのは引き継ぎ先だけです</translation>
    </message>
    <message>
        <source>cannot reject a handoff that is %1</source>
        <translation>%1の引き継ぎは却下できません</translation>
    </message>
    <message>
        <source>reject reason %1 is not one of %2</source>
        <translation>却下の理由 %1 は %2 のいずれでもありません</translation>
    </message>
    <message>
        <source>only the receiver can ask about this handoff</source>
        <translation>この引き継ぎについて質問できるのは引き継ぎ先だけです</translation>
    </message>
    <message>
        <source>cannot ask about a handoff that is %1</source>
        <translation>%1の引き継ぎについては質問できません</translation>
    </message>
    <message>
        <source>a question needs some text</source>
        <translation>質問を入力してください</translation>
    </message>
    <message>
        <source>only the sender can answer questions about this handoff</source>
        <translation>この引き継ぎについての質問に回答できるのは引き継ぎ元だけです</translation>
    </message>
    <message>
        <source>an answer needs some text</source>
        <translation>回答を入力してください</translation>
    </message>
    <message>
        <source>question %1 is already answered</source>
        <translation>質問%1にはすでに回答済みです</translation>
    </message>
    <message>
        <source>a question cannot be answered before it was asked</source>
        <translation>質問される前の日時で回答することはできません</translation>
    </message>
    <message>
        <source>this handoff has no question %1</source>
        <translation>この引き継ぎに質問%1はありません</translation>
    </message>
    <message>
        <source>there is no handoff %1</source>
        <translation>引き継ぎ%1はありません</translation>
    </message>
    <message>
        <source>there is no task %1</source>
        <translation>タスク%1はありません</translation>
    </message>
    <message>
        <source>say who is handing the task over: a handoff is sent by a person</source>
        <translation>誰が引き継ぐのかを指定してください：引き継ぎは人が送付します</translation>
    </message>
    <message>
        <source>task %1 is done: a finished task cannot be handed off</source>
        <translation>タスク%1は完了しています：完了したタスクは引き継げません</translation>
    </message>
    <message>
        <source>task %1 is done (%2): a finished task cannot be handed off</source>
        <translation>タスク%1は完了しています（%2）：完了したタスクは引き継げません</translation>
    </message>
    <message>
        <source>Only %1 (the owner) or someone in %2 can hand this task off</source>
        <translation>このタスクを引き継げるのは %1（担当者）か %2 のメンバーだけです</translation>
    </message>
    <message>
        <source>Only %1 (the owner) can hand this task off</source>
        <translation>このタスクを引き継げるのは %1（担当者）だけです</translation>
    </message>
    <message>
        <source>Only someone in %1 can hand this task off</source>
        <translation>このタスクを引き継げるのは %1 のメンバーだけです</translation>
    </message>
    <message>
        <source>You cannot hand this task off</source>
        <translation>このタスクは引き継げません</translation>
    </message>
    <message>
        <source>there is no person %1</source>
        <translation>メンバー%1はいません</translation>
    </message>
    <message>
        <source>there is no handoff template %1 (templates: %2)</source>
        <translation>引き継ぎテンプレート %1 はありません（テンプレート：%2）</translation>
    </message>
    <message>
        <source>%1 is in %2 too: passing a task within one team is a reassignment, not a handoff; change the task&apos;s owner instead</source>
        <translation>%1 も %2 のメンバーです：同じチーム内でタスクを渡すのは引き継ぎではなく担当替えです。タスクの担当者を変更してください</translation>
    </message>
    <message>
        <source>this task is already waiting for handoff %1 to be accepted or returned</source>
        <translation>このタスクはすでに引き継ぎ%1の引き受けか差し戻しを待っています</translation>
    </message>
    <message>
        <source>%1: write NAME=HEALTH: what is happening</source>
        <translation>%1：「名前=状態：状況の説明」の形で書いてください</translation>
    </message>
    <message>
        <source>%1 is not a health (use %2)</source>
        <translation>%1 は状態ではありません（%2 のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>the due date is before the start date</source>
        <translation>期限が開始日より前です</translation>
    </message>
    <message>
        <source>a task cannot depend on itself</source>
        <translation>タスクを自分自身の先行タスクにはできません</translation>
    </message>
    <message>
        <source>a returned handoff needs a reason</source>
        <translation>差し戻した引き継ぎには理由が必要です</translation>
    </message>
    <message>
        <source>not an item of this handoff: %1</source>
        <translation>この引き継ぎの項目ではありません：%1</translation>
    </message>
    <message>
        <source>the receiver has already accepted, returned or rejected this handoff; it can no longer be withdrawn</source>
        <translation>引き継ぎ先がすでにこの引き継ぎを引き受けたか、差し戻したか、却下しました。取り下げることはできません</translation>
    </message>
    <message>
        <source>an accepted, returned or rejected handoff has been acknowledged</source>
        <translation>引き受け、差し戻し、却下された引き継ぎは受領済みです</translation>
    </message>
    <message>
        <source>an acknowledged handoff says when it was acknowledged</source>
        <translation>受領済みの引き継ぎには受領日時が必要です</translation>
    </message>
    <message>
        <source>only an accepted, returned or rejected handoff is resolved</source>
        <translation>判断済みになるのは、引き受け、差し戻し、却下された引き継ぎだけです</translation>
    </message>
    <message>
        <source>a handoff template names at least one item</source>
        <translation>引き継ぎテンプレートには項目が1つ以上必要です</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>ファイル %1 はありません。</translation>
    </message>
    <message>
        <source>%1 is the board itself, not a copy of it.</source>
        <translation>%1 はボードそのものです。コピーではありません。</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 is not a copy of this board: it is the board %2, made at another time. Nothing was merged.</source>
        <translation>%1 はこのボードのコピーではありません：別の時に作られたボード %2 です。何もマージしていません。</translation>
    </message>
    <message>
        <source>the copy&apos;s history cannot be read (%1 %2 %3: %4); nothing was merged.</source>
        <translation>コピーの履歴を読み取れません（%1 %2 %3：%4）。何もマージしていません。</translation>
    </message>
    <message>
        <source>changed both on the board and in the copy: %1; say which value to keep. Nothing was merged.</source>
        <translation>ボードとコピーの両方で変更されています：%1。どちらの値を残すか指定してください。何もマージしていません。</translation>
    </message>
    <message>
        <source>%1 could not be moved aside (%2); nothing was merged.</source>
        <translation>%1 を別の場所に移せませんでした（%2）。何もマージしていません。</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>タスク%1件</translation>
    </message>
    <message>
        <source>work (teams, people or history)</source>
        <translation>作業内容（チーム、メンバー、履歴）</translation>
    </message>
    <message>
        <source>1 conflict copy made by a sync tool lies beside this board (%2). Changes saved in it are not on the board yet: merge it with `renkei board merge COPY` (or open the board in the window, which offers to merge it).</source>
        <translation>同期ツールが作った競合コピー1件がこのボードの横にあります（%2）。そこに保存された変更はまだボードにありません。`renkei board merge COPY` でマージしてください（ウィンドウでボードを開くとマージを提案します）。</translation>
    </message>
    <message>
        <source>%1 conflict copies made by a sync tool lie beside this board (%2). Changes saved in them are not on the board yet: merge each with `renkei board merge COPY` (or open the board in the window, which offers to merge them).</source>
        <translation>同期ツールが作った競合コピー%1件がこのボードの横にあります（%2）。そこに保存された変更はまだボードにありません。それぞれ `renkei board merge COPY` でマージしてください（ウィンドウでボードを開くとマージを提案します）。</translation>
    </message>
    <message>
        <source>Not a server address: %1</source>
        <translation>サーバーのアドレスではありません：%1</translation>
    </message>
    <message>
        <source>no password was given; nothing was done</source>
        <translation>パスワードが入力されませんでした。何もしていません</translation>
    </message>
    <message>
        <source>the server %1 wants a password for %2: set PGPASSWORD or add it to ~/.pgpass, or keep it in the system keyring with `renkei login %3`</source>
        <translation>サーバー %1 が %2 のパスワードを求めています。PGPASSWORD を設定するか ~/.pgpass に書くか、`renkei login %3` でシステムのキーリングに保存してください</translation>
    </message>
    <message>
        <source>the server %1 refused the password for %2: run `renkei login %3` to store the right one, or ask the server&apos;s administrator</source>
        <translation>サーバー %1 が %2 のパスワードを拒否しました。`renkei login %3` で正しいパスワードを保存するか、サーバーの管理者に確認してください</translation>
    </message>
    <message>
        <source>renkei login is for server boards (postgresql://user@host/db), not %1; a board file needs no password</source>
        <translation>renkei login はサーバーのボード（postgresql://user@host/db）用で、%1 には使えません。ボードのファイルにパスワードは不要です</translation>
    </message>
    <message>
        <source>give the URL without its password: renkei login asks for it, so it never shows on the command line</source>
        <translation>パスワードを含めずに URL を指定してください。renkei login がパスワードを尋ねるので、コマンドラインには表示されません</translation>
    </message>
    <message>
        <source>no system keyring is available to keep the password; set PGPASSWORD or add it to ~/.pgpass instead</source>
        <translation>パスワードを保存できるシステムのキーリングがありません。代わりに PGPASSWORD を設定するか ~/.pgpass に書いてください</translation>
    </message>
    <message>
        <source>no password was given on stdin; nothing was stored</source>
        <translation>標準入力からパスワードが渡されませんでした。何も保存していません</translation>
    </message>
    <message>
        <source>renkei login asks for the password on a terminal; run it in one, or pipe the password in with --password-stdin</source>
        <translation>renkei login は端末でパスワードを尋ねます。端末で実行するか、--password-stdin でパスワードをパイプで渡してください</translation>
    </message>
    <message>
        <source>the server refused the password for %1; nothing was stored</source>
        <translation>サーバーが %1 のパスワードを拒否しました。何も保存していません</translation>
    </message>
    <message>
        <source>could not check the password with %1 (%2); nothing was stored</source>
        <translation>%1 でパスワードを確認できませんでした（%2）。何も保存していません</translation>
    </message>
    <message>
        <source>the system keyring did not take the password; nothing was stored</source>
        <translation>システムのキーリングがパスワードを受け付けませんでした。何も保存していません</translation>
    </message>
    <message>
        <source>you can read this board but not change it: your login role %1 has no write grant. Ask the database&apos;s owner for INSERT and UPDATE on the board&apos;s tables.</source>
        <translation>このボードは読めますが変更できません。ログインロール %1 に書き込み権限がありません。データベースの所有者に、ボードのテーブルへの INSERT と UPDATE の権限を依頼してください。</translation>
    </message>
    <message>
        <source>your login role %1 is not linked to anyone on this board, so the server cannot say who is making this change; nothing was saved. Someone linked can run: renkei board people link &apos;YOUR NAME&apos; --role %1</source>
        <translation>ログインロール %1 はこのボードの誰にもひも付いていないため、サーバーは誰の変更か判断できません。何も保存していません。ひも付け済みの人が次を実行できます：renkei board people link &apos;YOUR NAME&apos; --role %1</translation>
    </message>
    <message>
        <source>you are connected as login role %1, which is %2 on this board, not %3: on a server board the server says who you are; nothing was saved</source>
        <translation>ログインロール %1 で接続しています。このロールはこのボードでは %2 で、%3 ではありません。サーバーのボードでは、誰であるかはサーバーが決めます。何も保存していません</translation>
    </message>
    <message>
        <source>a lease file beside the board (%1), taken for every read and write</source>
        <translation>ボードの横のリースファイル（%1）。読み書きのたびに取得します</translation>
    </message>
    <message>
        <source>There is no board at %1.</source>
        <translation>%1 にボードがありません。</translation>
    </message>
    <message>
        <source>undone: a program that stopped mid-change left a -journal file; its change was rolled back and the board is as it was at its last save</source>
        <translation>取り消し済み：変更の途中で止まったプログラムが -journal ファイルを残していました。その変更は取り消され、ボードは最後に保存した状態に戻っています</translation>
    </message>
    <message>
        <source>a -journal file is still beside the board (another program may be saving)</source>
        <translation>ボードの横にまだ -journal ファイルがあります（別のプログラムが保存中かもしれません）</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check found problems: %1 — `renkei board salvage %2 NEW.renkei` keeps every row that can be read</source>
        <translation>SQLite の整合性チェックで問題が見つかりました：%1。`renkei board salvage %2 NEW.renkei` で読み取れる行をすべて残せます</translation>
    </message>
    <message>
        <source>the board is at schema revision %1; this Renkei writes %2 and will bring it up to date (with a backup) when it opens it</source>
        <translation>ボードはスキーマのリビジョン %1 です。この Renkei は %2 で書き込むため、開くときに（バックアップを取ってから）更新します</translation>
    </message>
    <message>
        <source>1 conflict copy beside the board (%2) may hold edits the board lacks: `renkei board merge` brings them in</source>
        <translation>ボードの横にある競合コピー1件（%2）に、ボードにない変更があるかもしれません。`renkei board merge` で取り込めます</translation>
    </message>
    <message>
        <source>%1 conflict copies beside the board (%2) may hold edits the board lacks: `renkei board merge` brings them in</source>
        <translation>ボードの横にある競合コピー%1件（%2）に、ボードにない変更があるかもしれません。`renkei board merge` で取り込めます</translation>
    </message>
    <message>
        <source>%1: %2 took over the lock of %3</source>
        <translation>%1：%2 が %3 のロックを引き取りました</translation>
    </message>
    <message>
        <source>ok (the server keeps its own data sound)</source>
        <translation>ok（サーバーが自身のデータを健全に保ちます）</translation>
    </message>
    <message>
        <source>the server&apos;s own transactions (every save waits its turn there)</source>
        <translation>サーバー自身のトランザクション（保存はそこで順番を待ちます）</translation>
    </message>
    <message>
        <source>The database %1 is empty: it holds no board yet. Make one with `renkei board new URL` (or File → Connect to server, which offers to); nothing was changed.</source>
        <translation>データベース %1 は空で、まだボードがありません。`renkei board new URL` で作ってください（「ファイル → サーバーに接続」でも作成を提案します）。何も変更していません。</translation>
    </message>
    <message>
        <source>the server refused the change; nothing was saved (%1)</source>
        <translation>サーバーが変更を拒否しました。何も保存していません（%1）</translation>
    </message>
    <message>
        <source>a value holds a broken character (bytes that are not UTF-8); nothing was saved</source>
        <translation>値に壊れた文字（UTF-8 ではないバイト）が含まれています。何も保存していません</translation>
    </message>
    <message>
        <source>a row clashes with one already on the board; nothing was saved (%1)</source>
        <translation>ボードにすでにある行と衝突しています。何も保存していません（%1）</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Renkei could not confirm whether the change was saved (%1); look at the board&apos;s history before making it again.</source>
        <translation>変更が保存されたかどうか確認できませんでした（%1）。もう一度変更する前に、ボードの履歴を確認してください。</translation>
    </message>
    <message>
        <source>%1 is not a change id: give 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; or &apos;-&apos;, starting with a letter or digit; nothing was saved</source>
        <translation>%1 は変更 ID ではありません。英字か数字で始まる1〜64文字の英数字・「.」「_」「:」「-」を指定してください。何も保存していません</translation>
    </message>
    <message>
        <source>%1; reading the board again failed: %2</source>
        <translation>%1。ボードの再読み込みにも失敗しました：%2</translation>
    </message>
    <message>
        <source>The source and the destination are the same board; nothing was done.</source>
        <translation>コピー元とコピー先が同じボードです。何もしていません。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2. Nothing was copied.</source>
        <translation>%1 を作成できません：%2。何もコピーしていません。</translation>
    </message>
    <message>
        <source>The database %1 holds no board (it is empty); nothing to copy.</source>
        <translation>データベース %1 にはボードがありません（空です）。コピーするものがありません。</translation>
    </message>
    <message>
        <source>The destination %1 already exists and is not a board to copy into (%2); nothing was changed. Name a new file.</source>
        <translation>コピー先の %1 はすでにあり、コピー先にできるボードではありません（%2）。何も変更していません。新しいファイル名を指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; nothing was copied.</source>
        <translation>フォルダー %1 がありません。何もコピーしていません。</translation>
    </message>
    <message>
        <source>The destination already holds a board (%1); nothing was changed. Copy into a new file or an empty database.</source>
        <translation>コピー先にはすでにボードがあります（%1）。何も変更していません。新しいファイルか空のデータベースにコピーしてください。</translation>
    </message>
    <message>
        <source>%1 is not a board location (%2): give a file path or a URL like %3.</source>
        <translation>%1 はボードの場所ではありません（%2）。ファイルのパスか、%3 のような URL を指定してください。</translation>
    </message>
    <message>
        <source>%1 (create it first, e.g. createdb %2)</source>
        <translation>%1（先に作成してください。例：createdb %2）</translation>
    </message>
    <message>
        <source>Cannot reach the source server at %1: %2. Nothing was copied.</source>
        <translation>コピー元のサーバー %1 に接続できません：%2。何もコピーしていません。</translation>
    </message>
    <message>
        <source>Cannot reach the destination server at %1: %2. Nothing was copied.</source>
        <translation>コピー先のサーバー %1 に接続できません：%2。何もコピーしていません。</translation>
    </message>
    <message>
        <source>Trouble with the source server at %1: %2. Nothing was copied.</source>
        <translation>コピー元のサーバー %1 で問題が起きました：%2。何もコピーしていません。</translation>
    </message>
    <message>
        <source>Trouble with the destination server at %1: %2. Nothing was copied.</source>
        <translation>コピー先のサーバー %1 で問題が起きました：%2。何もコピーしていません。</translation>
    </message>
    <message>
        <source>the board is locked by another Renkei and stayed locked; try again in a moment.</source>
        <translation>ボードは別の Renkei にロックされたままです。少し待ってからもう一度試してください。</translation>
    </message>
    <message>
        <source>your login on %1 may not read this board: ask the server&apos;s administrator for access (%2).</source>
        <translation>%1 のログインにはこのボードを読む権限がありません。サーバーの管理者にアクセス権を依頼してください（%2）。</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>the server refused this login</source>
        <translation>サーバーがこのログインを拒否しました</translation>
    </message>
    <message>
        <source>%1 could not be opened: it is damaged, or no longer a board (%2); `renkei board check` says more, and `renkei board salvage` copies what can still be read into a new board</source>
        <translation>%1 を開けませんでした。破損しているか、ボードではなくなっています（%2）。詳しくは `renkei board check` で確認でき、`renkei board salvage` で読み取れる内容を新しいボードにコピーできます</translation>
    </message>
    <message>
        <source>%1 could not be read: it is damaged, or no longer a board (%2); `renkei board check` says more, and `renkei board salvage` copies what can still be read into a new board</source>
        <translation>%1 を読み取れませんでした。破損しているか、ボードではなくなっています（%2）。詳しくは `renkei board check` で確認でき、`renkei board salvage` で読み取れる内容を新しいボードにコピーできます</translation>
    </message>
    <message>
        <source>the board could not be opened: %1</source>
        <translation>ボードを開けませんでした：%1</translation>
    </message>
    <message>
        <source>the board could not be read: %1</source>
        <translation>ボードを読み取れませんでした：%1</translation>
    </message>
    <message>
        <source>(the server)</source>
        <translation>（アドレス不明）</translation>
    </message>
    <message>
        <source>give the board file&apos;s path rather than a %1:// URL (e.g. --board team.renkei)</source>
        <translation>%1:// の URL ではなく、ボードのファイルのパスを指定してください（例：--board team.renkei）</translation>
    </message>
    <message>
        <source>Renkei reaches PostgreSQL through psycopg 3; %1:// is not supported: write %2</source>
        <translation>Renkei は psycopg 3 で PostgreSQL に接続します。%1:// には対応していません。%2 の形で書いてください</translation>
    </message>
    <message>
        <source>Renkei boards live in a file or on PostgreSQL; %1:// is not supported (a server board is written %2)</source>
        <translation>Renkei のボードはファイルか PostgreSQL に置きます。%1:// には対応していません（サーバーのボードは %2 の形で書きます）</translation>
    </message>
    <message>
        <source>%1 is not a server address (%2): write %3</source>
        <translation>%1 はサーバーのアドレスではありません（%2）。%3 の形で書いてください</translation>
    </message>
    <message>
        <source>%1 names no database: write %2</source>
        <translation>%1 にデータベース名がありません。%2 の形で書いてください</translation>
    </message>
    <message>
        <source>another import of the same file finished first; nothing was added twice (run the import again to bring in anything newer)</source>
        <translation>同じファイルの別のインポートが先に終わりました。二重には追加していません（新しい分を取り込むにはもう一度インポートしてください）</translation>
    </message>
    <message>
        <source>your login on %1 may read this board but not change it: ask the server&apos;s administrator for write access</source>
        <translation>%1 のログインではこのボードを読めますが変更できません。サーバーの管理者に書き込み権限を依頼してください</translation>
    </message>
    <message>
        <source>the server %1 refused the password for %2: check it (PGPASSWORD, ~/.pgpass) or ask the server&apos;s administrator</source>
        <translation>サーバー %1 が %2 のパスワードを拒否しました。パスワード（PGPASSWORD、~/.pgpass）を確認するか、サーバーの管理者に確認してください</translation>
    </message>
    <message>
        <source>the server %1 wants a password for %2: set PGPASSWORD or add it to ~/.pgpass</source>
        <translation>サーバー %1 が %2 のパスワードを求めています。PGPASSWORD を設定するか ~/.pgpass に書いてください</translation>
    </message>
    <message>
        <source>the server %1 has no login %2: check the user name in the address or ask the server&apos;s administrator for one</source>
        <translation>サーバー %1 にログイン %2 がありません。アドレスのユーザー名を確認するか、サーバーの管理者にログインを依頼してください</translation>
    </message>
    <message>
        <source>the server %1 has no database %2: check the name, or create it (createdb %3)</source>
        <translation>サーバー %1 にデータベース %2 がありません。名前を確認するか、作成してください（createdb %3）</translation>
    </message>
    <message>
        <source>no server called %1 could be found: check the address</source>
        <translation>サーバー %1 が見つかりません。アドレスを確認してください</translation>
    </message>
    <message>
        <source>the server %1 does not answer: check that it is running and that the address is right, or ask whoever runs it; then try again</source>
        <translation>サーバー %1 が応答しません。サーバーが動いていてアドレスが正しいか確認するか、運用している人に確認してから、もう一度試してください</translation>
    </message>
    <message>
        <source>the disk holding the board is full: free some space, then try again</source>
        <translation>ボードのあるディスクがいっぱいです。空き領域を作ってから、もう一度試してください</translation>
    </message>
    <message>
        <source>the disk holding %1 is full: free some space, then try again</source>
        <translation>%1 のあるディスクがいっぱいです。空き領域を作ってから、もう一度試してください</translation>
    </message>
    <message>
        <source>the board could not be read or written (a disk I/O error): check that it is a board file on a working disk or share</source>
        <translation>ボードを読み書きできませんでした（ディスクの入出力エラー）。正常なディスクか共有フォルダー上のボードのファイルか確認してください</translation>
    </message>
    <message>
        <source>%1 could not be read or written (a disk I/O error): check that it is a board file on a working disk or share</source>
        <translation>%1 を読み書きできませんでした（ディスクの入出力エラー）。正常なディスクか共有フォルダー上のボードのファイルか確認してください</translation>
    </message>
    <message>
        <source>the board could not be written (the file system refused it)</source>
        <translation>ボードに書き込めませんでした（ファイルシステムが拒否しました）</translation>
    </message>
    <message>
        <source>%1 is read-only for you: ask its owner for write access</source>
        <translation>%1 はあなたには読み取り専用です。所有者に書き込み権限を依頼してください</translation>
    </message>
    <message>
        <source>%1 is read-only for you: ask its owner for write access, or copy it (renkei board copy) to change it</source>
        <translation>%1 はあなたには読み取り専用です。所有者に書き込み権限を依頼するか、コピーして（renkei board copy）から変更してください</translation>
    </message>
    <message>
        <source>the folder %1 is read-only for you, so no board can be made there: choose a folder you can write in</source>
        <translation>フォルダー %1 はあなたには読み取り専用のため、ボードを作れません。書き込めるフォルダーを選んでください</translation>
    </message>
    <message>
        <source>the folder %1 is read-only for you, and saving writes a journal file beside the board: ask for write access to the folder, or copy the board (renkei board copy)</source>
        <translation>フォルダー %1 はあなたには読み取り専用ですが、保存するとボードの横にジャーナルファイルを書き込みます。フォルダーへの書き込み権限を依頼するか、ボードをコピーしてください（renkei board copy）</translation>
    </message>
    <message>
        <source>%1 could not be written (the file system refused it)</source>
        <translation>%1 に書き込めませんでした（ファイルシステムが拒否しました）</translation>
    </message>
    <message>
        <source>%1; nothing was saved.</source>
        <translation>%1。何も保存していません。</translation>
    </message>
    <message>
        <source>The change broke a rule of the board; nothing was saved (%1).</source>
        <translation>変更がボードの規則に反していました。何も保存していません（%1）。</translation>
    </message>
    <message>
        <source>The board could not be reached; nothing was saved (%1).</source>
        <translation>ボードに接続できませんでした。何も保存していません（%1）。</translation>
    </message>
    <message>
        <source>%1; nothing was saved: try again when they are done.</source>
        <translation>%1。何も保存していません。相手の作業が終わってから、もう一度試してください。</translation>
    </message>
    <message>
        <source>the board file could not use a rollback journal (mode %1)</source>
        <translation>ボードのファイルでロールバックジャーナルを使えませんでした（モード %1）</translation>
    </message>
    <message>
        <source>The board is locked by another Renkei and stayed locked; try again in a moment.</source>
        <translation>ボードは別の Renkei にロックされたままです。少し待ってからもう一度試してください。</translation>
    </message>
    <message>
        <source>The board file %1 is not there (moved, renamed or deleted?); if a sync client is replacing it, Renkei reads it again once it is back.</source>
        <translation>ボードのファイル %1 が見つかりません（移動、名前の変更、削除？）。同期クライアントが置き換え中なら、戻りしだい Renkei が読み直します。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1バイト</translation>
    </message>
    <message>
        <source>not SQLite</source>
        <translation>SQLite のファイルではありません</translation>
    </message>
    <message>
        <source>The board file %1 does not look like a board right now (%2); if a sync client is still downloading it, Renkei reads it again once it is complete.</source>
        <translation>ボードのファイル %1 は今ボードに見えません（%2）。同期クライアントがダウンロード中なら、終わりしだい Renkei が読み直します。</translation>
    </message>
    <message>
        <source>The board file cannot be read right now: %1</source>
        <translation>ボードのファイルを今は読み取れません：%1</translation>
    </message>
    <message>
        <source>Lost the connection to the board&apos;s server: %1</source>
        <translation>ボードのサーバーとの接続が切れました：%1</translation>
    </message>
    <message>
        <source>Cannot reach the board&apos;s server: %1</source>
        <translation>ボードのサーバーに接続できません：%1</translation>
    </message>
    <message>
        <source>Lost the connection to the board&apos;s server: the server closed it.</source>
        <translation>ボードのサーバーとの接続が切れました。サーバーが接続を閉じました。</translation>
    </message>
    <message>
        <source>Not connected to the board&apos;s server.</source>
        <translation>ボードのサーバーに接続していません。</translation>
    </message>
    <message>
        <source>Lost the connection to the board&apos;s server (a new one is in its place).</source>
        <translation>ボードのサーバーとの接続が切れました（新しい接続に置き換わっています）。</translation>
    </message>
    <message>
        <source>its lock file was removed</source>
        <translation>ロックファイルが削除されました</translation>
    </message>
    <message>
        <source>%1 on %2 took the board&apos;s lock over</source>
        <translation>%2 の %1 がボードのロックを引き継ぎました</translation>
    </message>
    <message>
        <source>another program made a new lock file in place of this one</source>
        <translation>別のプログラムがこのロックファイルの代わりに新しいロックファイルを作りました</translation>
    </message>
    <message>
        <source>%1, so this change was not committed (nothing was saved); try again</source>
        <translation>%1。そのため、この変更は確定していません（何も保存していません）。もう一度試してください</translation>
    </message>
    <message>
        <source>%1 is being changed by another program (its lock file is %2)</source>
        <translation>%1 は別のプログラムが変更中です（ロックファイルは %2）</translation>
    </message>
    <message>
        <source>%1 (no sign of life for %2 s; taken over after %3 s)</source>
        <translation>%1（%2秒応答がありません。%3秒で引き取ります）</translation>
    </message>
    <message>
        <source>%1 is being changed by %2 on %3 since %4</source>
        <translation>%1 は %4 から %3 の %2 が変更中です</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), so it is not a board yet. If a sync client (OneDrive, Dropbox, Google Drive…) is still downloading it, wait until it has finished and open it again. It was left as it is.</source>
        <translation>%1 は空（0バイト）のため、まだボードではありません。同期クライアント（OneDrive、Dropbox、Google Drive など）がダウンロード中なら、終わるのを待ってから開き直してください。ファイルはそのままにしてあります。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a board file.</source>
        <translation>%1 はフォルダーで、ボードのファイルではありません。</translation>
    </message>
    <message>
        <source>%1; try again when they are done. Nothing was changed.</source>
        <translation>%1。相手の作業が終わってから、もう一度試してください。何も変更していません。</translation>
    </message>
    <message>
        <source>%1 is not a Renkei board: it is not an SQLite database file. Choose a .renkei board file, or import the file with File → Import.</source>
        <translation>%1 は Renkei のボードではありません。SQLite のデータベースファイルではないためです。.renkei のボードのファイルを選ぶか、「ファイル → インポート」で取り込んでください。</translation>
    </message>
    <message>
        <source>%1, and %2 more problems</source>
        <translation>%1、ほか%2件の問題</translation>
    </message>
    <message>
        <source>%1 is an empty SQLite database, not a board. It was left as it is.</source>
        <translation>%1 は空の SQLite データベースで、ボードではありません。ファイルはそのままにしてあります。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a Renkei board (it has none of a board&apos;s tables). It was left as it is.</source>
        <translation>%1 は SQLite のデータベースですが、Renkei のボードではありません（ボードのテーブルがありません）。ファイルはそのままにしてあります。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a Renkei board.</source>
        <translation>%1 は SQLite のデータベースですが、Renkei のボードではありません。</translation>
    </message>
    <message>
        <source>%1 is being changed by another program and stayed locked; try again in a moment. Nothing was changed.</source>
        <translation>%1 は別のプログラムが変更中で、ロックされたままです。少し待ってからもう一度試してください。何も変更していません。</translation>
    </message>
    <message>
        <source>%1 was left mid-change by a program that stopped (a crash, or a computer put to sleep). Renkei needs write access to it and to its folder (%2) to finish undoing that unfinished change; nothing is lost. Ask for write access, or copy the board together with its -journal file to a folder you can write to.</source>
        <translation>%1 は、止まったプログラム（クラッシュやスリープしたコンピューター）によって変更の途中のまま残されています。その未完了の変更を取り消すには、ファイルとそのフォルダー（%2）への書き込み権限が必要です。何も失われていません。書き込み権限を依頼するか、ボードを -journal ファイルと一緒に書き込めるフォルダーにコピーしてください。</translation>
    </message>
    <message>
        <source>The backup %1 is from %2: it lacks every change made since then.</source>
        <translation>バックアップ %1 は %2 のもので、それ以降の変更はすべて含まれていません。</translation>
    </message>
    <message>
        <source>An earlier version (a backup, or your sync tool&apos;s version history) lacks every change made since it was taken.</source>
        <translation>以前の版（バックアップや同期ツールの版の履歴）には、その時点以降の変更がすべて含まれていません。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened safely (%2). It was left as it is. `renkei board salvage %1 NEW.renkei` copies every row that can still be read into a new board. %3</source>
        <translation>%1 は破損しているため、安全に開けません（%2）。ファイルはそのままにしてあります。`renkei board salvage %1 NEW.renkei` で、まだ読み取れる行をすべて新しいボードにコピーできます。%3</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Renkei (format %2). Update Renkei to open it; the board was not changed.</source>
        <translation>%1 は新しいバージョンの Renkei で保存されています（形式 %2）。開くには Renkei を更新してください。ボードは変更していません。</translation>
    </message>
    <message>
        <source>The database %1 holds other tables and is not a Renkei board.</source>
        <translation>データベース %1 には別のテーブルがあり、Renkei のボードではありません。</translation>
    </message>
    <message>
        <source>%1 was made by someone else meanwhile; nothing was written to it.</source>
        <translation>%1 はその間に別の人が作りました。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 がありません。</translation>
    </message>
    <message>
        <source>%1 exists already; a new board needs a new name.</source>
        <translation>%1 はすでにあります。新しいボードには新しい名前が必要です。</translation>
    </message>
    <message>
        <source>There is no board file at %1.</source>
        <translation>%1 にボードのファイルがありません。</translation>
    </message>
    <message>
        <source>%1 exists already: name a new file for the salvage.</source>
        <translation>%1 はすでにあります。救出先には新しいファイル名を指定してください。</translation>
    </message>
    <message>
        <source>Nothing can be read from this file: its table list is damaged (%1).</source>
        <translation>このファイルからは何も読み取れません。テーブルの一覧が破損しています（%1）。</translation>
    </message>
    <message>
        <source>This file holds none of a board&apos;s tables; nothing to salvage.</source>
        <translation>このファイルにはボードのテーブルがありません。救出するものがありません。</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>タスク%1</translation>
    </message>
    <message>
        <source>person %1</source>
        <translation>メンバー%1</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>チーム%1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>プロジェクト%1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>ステータス%1</translation>
    </message>
    <message>
        <source>handoff %1</source>
        <translation>引き継ぎ%1</translation>
    </message>
    <message>
        <source>handoff template %1</source>
        <translation>引き継ぎテンプレート%1</translation>
    </message>
    <message>
        <source>standup %1</source>
        <translation>朝会%1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>担当者%1</translation>
    </message>
    <message>
        <source>sender %1</source>
        <translation>引き継ぎ元%1</translation>
    </message>
    <message>
        <source>receiver %1</source>
        <translation>引き継ぎ先%1</translation>
    </message>
    <message>
        <source>sender team %1</source>
        <translation>引き継ぎ元のチーム%1</translation>
    </message>
    <message>
        <source>receiver team %1</source>
        <translation>引き継ぎ先のチーム%1</translation>
    </message>
    <message>
        <source>a team called %1 already exists</source>
        <translation>チーム %1 はすでにあります</translation>
    </message>
    <message>
        <source>a handoff template called %1 already exists</source>
        <translation>引き継ぎテンプレート %1 はすでにあります</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1は存在しません</translation>
    </message>
    <message>
        <source>person %1 (who is making this change) does not exist</source>
        <translation>この変更をしているメンバー%1は存在しません</translation>
    </message>
    <message>
        <source>person %1 (who flagged the task) does not exist</source>
        <translation>タスクにフラグを付けたメンバー%1は存在しません</translation>
    </message>
    <message>
        <source>person %1 (who made this row) does not exist</source>
        <translation>この行を作ったメンバー%1は存在しません</translation>
    </message>
    <message>
        <source>person %1 (who made this change) does not exist</source>
        <translation>この変更をしたメンバー%1は存在しません</translation>
    </message>
    <message>
        <source>no row %1 was created before it is used</source>
        <translation>行 %1 は使われる前に作成されていません</translation>
    </message>
    <message>
        <source>the login %1 is already linked to %2</source>
        <translation>ログイン %1 はすでに %2 にひも付いています</translation>
    </message>
    <message>
        <source>unknown kind of record %1</source>
        <translation>不明な種類のレコードです：%1</translation>
    </message>
    <message>
        <source>a history row names a field (at most 40 characters)</source>
        <translation>履歴の行には項目名が必要です（最大40文字）</translation>
    </message>
    <message>
        <source>this dependency would make a loop: the tasks would wait on each other</source>
        <translation>この依存関係はループになります。タスクがお互いを待つことになります</translation>
    </message>
</context>
<context>
    <name>RejectHandoffDialog</name>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Reject handoff</source>
        <translation>引き継ぎを却下</translation>
    </message>
    <message>
        <source>Reject “%1”</source>
        <translation>「%1」を却下</translation>
    </message>
    <message>
        <source>Rejecting ends this handoff for good: it cannot be sent again. If something is missing or wrong, return it instead — that asks the sender to fix it.</source>
        <translation>却下するとこの引き継ぎは完全に終了し、再送できなくなります。抜け漏れや誤りがある場合は、代わりに差し戻してください。差し戻すと引き継ぎ元に修正を依頼できます。</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>理由を選択</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>%1 at risk</source>
        <translation>リスクあり%1件</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>ブロック中%1件</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>期限超過%1件</translation>
    </message>
    <message numerus="yes">
        <source>%n handoff(s) waiting for the team</source>
        <translation>
            <numerusform>チーム宛ての受領待ち引き継ぎ%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>引き継ぎ%n回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>未完了%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>ほか%1件</translation>
    </message>
    <message>
        <source>7 days ago</source>
        <translation>7日前</translation>
    </message>
    <message>
        <source>Acknowledged in time</source>
        <translation>SLA内に受領</translation>
    </message>
    <message>
        <source>%1% chance of the deadline</source>
        <translation>期限内に終わる確率%1%</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 overdue</source>
        <translation>
            <numerusform>%1件中%n件が期限超過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n件が期限超過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slipped</source>
        <translation>
            <numerusform>%n件が期限延期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 at risk</source>
        <translation>
            <numerusform>%1件中%n件がリスクあり</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” finished first</source>
        <translation>先に「%1」を完了させる</translation>
    </message>
    <message>
        <source>Finish it, or agree a new date</source>
        <translation>完了させるか、新しい期限を合意する</translation>
    </message>
    <message>
        <source>More hands, or a later date</source>
        <translation>人手を増やすか、期限を延ばす</translation>
    </message>
    <message>
        <source>Less work ahead of it, or a later date</source>
        <translation>先行する作業を減らすか、期限を延ばす</translation>
    </message>
    <message>
        <source>A date the owner commits to</source>
        <translation>担当者が約束できる期限</translation>
    </message>
    <message>
        <source>Someone to own it</source>
        <translation>担当者の決定</translation>
    </message>
    <message>
        <source>A word from the owner on where it stands</source>
        <translation>担当者からの状況報告</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>%1 時点</translation>
    </message>
    <message>
        <source>%1: keep the deadline, cut scope or add people?</source>
        <translation>%1：期限を守るか、範囲を絞るか、人を増やすか</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>経営層</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>「%1」：%2</translation>
    </message>
    <message>
        <source>Who owns “%1”?</source>
        <translation>「%1」の担当者を決めてください</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>チームリーダー</translation>
    </message>
    <message>
        <source>Board snapshot</source>
        <translation>ボードの現況</translation>
    </message>
    <message>
        <source>Without a handoff</source>
        <translation>記録なしで担当変更</translation>
    </message>
    <message>
        <source>Changes since %1</source>
        <translation>%1 以降の変更</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due date changed</source>
        <translation>期限延期</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>作成日時：%1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>From</source>
        <translation>引き継ぎ元</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>引き継ぎ送付</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>Handoffs waiting for the team</source>
        <translation>チーム宛ての受領待ち引き継ぎ</translation>
    </message>
    <message>
        <source>Items lost</source>
        <translation>抜け漏れのあった項目</translation>
    </message>
    <message>
        <source>Median to acknowledge</source>
        <translation>受領までの中央値</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>ステータス：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Blocked: waits for %1</source>
        <translation>ブロック中：%1の完了待ち</translation>
    </message>
    <message>
        <source>At risk, due this week or blocked</source>
        <translation>リスクあり・今週期限・ブロック中</translation>
    </message>
    <message>
        <source>Most lost items</source>
        <translation>抜け漏れの多い項目</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Forecast against the deadline</source>
        <translation>期限に対する予測</translation>
    </message>
    <message>
        <source>Set by the lead</source>
        <translation>リーダーが設定</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Top risks</source>
        <translation>主なリスク</translation>
    </message>
    <message>
        <source>What is needed</source>
        <translation>必要なこと</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more task(s) at risk, in the appendix.</source>
        <translation>
            <numerusform>ほかにリスクありが%n件（付録を参照）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more task(s) at risk.</source>
        <translation>
            <numerusform>ほかにリスクありが%n件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Handoffs stuck</source>
        <translation>止まっている引き継ぎ</translation>
    </message>
    <message>
        <source>No handoff is stuck.</source>
        <translation>止まっている引き継ぎはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n handoff(s) stuck.</source>
        <translation>
            <numerusform>止まっている引き継ぎが%n件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Where it is stuck</source>
        <translation>止まっている箇所</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>ほか%n件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deadlines moved since the last standup</source>
        <translation>前回の朝会以降に変わった期限</translation>
    </message>
    <message>
        <source>No deadline moved.</source>
        <translation>期限の変更はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) moved.</source>
        <translation>
            <numerusform>期限の変更が%n件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Was due</source>
        <translation>変更前の期限</translation>
    </message>
    <message>
        <source>Now due</source>
        <translation>変更後の期限</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>変更者</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>ほかに：%1</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Decisions needed</source>
        <translation>必要な判断</translation>
    </message>
    <message>
        <source>No decision is waiting.</source>
        <translation>判断待ちの事項はありません。</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判断事項</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>No handoff chain broke.</source>
        <translation>抜け漏れのあった引き継ぎの流れはありません。</translation>
    </message>
    <message>
        <source>No handoffs yet.</source>
        <translation>引き継ぎはまだありません。</translation>
    </message>
    <message>
        <source>No task is at risk.</source>
        <translation>リスクのあるタスクはありません。</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1 / %2ページ</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>チーム間</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受けた引き継ぎ</translation>
    </message>
    <message>
        <source>Returned or rejected</source>
        <translation>差し戻し・却下</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>%1 以降</translation>
    </message>
    <message>
        <source>Status report</source>
        <translation>状況レポート</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Team to team</source>
        <translation>チーム間の引き継ぎ</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>チーム：%1</translation>
    </message>
    <message>
        <source>The five tasks whose handoffs went worst, and the hop where each broke.</source>
        <translation>引き継ぎで最も問題の大きかったタスク上位5件と、それぞれ抜け漏れの起きた段階です。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>引き継ぎ先</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待ち時間</translation>
    </message>
    <message>
        <source>What</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Where it broke</source>
        <translation>抜け漏れの起きた段階</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Worst chains</source>
        <translation>問題の大きい引き継ぎの流れ</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>last standup</source>
        <translation>前回の朝会</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>%1 へ</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>…and %n older change(s).</source>
        <translation>
            <numerusform>…ほか、これより前の変更が%n件あります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnHandoffDialog</name>
    <message>
        <source> — not sent</source>
        <translation>（未送付）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>差し戻す</translation>
    </message>
    <message>
        <source>Return handoff</source>
        <translation>引き継ぎの差し戻し</translation>
    </message>
    <message>
        <source>Return “%1” to its sender</source>
        <translation>「%1」を引き継ぎ元に差し戻す</translation>
    </message>
    <message>
        <source>The sender is asked to add what is missing and hand it off again. To end the handoff for good, reject it instead.</source>
        <translation>引き継ぎ元に、未記入の項目を補って再度引き継ぐよう依頼します。引き継ぎを完全に終了する場合は、代わりに却下してください。</translation>
    </message>
    <message>
        <source>What do you need?</source>
        <translation>必要な項目を選択</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Behind</source>
        <translation>遅れ気味</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>依存関係</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>フラグ付き</translation>
    </message>
    <message numerus="yes">
        <source>Due date moved %n time(s), %1 later than first planned.</source>
        <translation>
            <numerusform>期限が%n回変更され、当初の予定より %1 遅れています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waits for “%1”, due %2, still open — %n day(s) late.</source>
        <translation>
            <numerusform>「%1」（期限%2）を待っていますが、まだ完了しておらず%n日超過しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waits for “%1”, due %2 — the day this task starts.</source>
        <translation>「%1」（期限 %2）を待っています。期限がこのタスクの開始日と同じ日です。</translation>
    </message>
    <message>
        <source>Waits for “%1”, due %2 — the day this task is due.</source>
        <translation>「%1」（期限 %2）を待っています。期限がこのタスクの期限と同じ日です。</translation>
    </message>
    <message>
        <source>Waits for “%1”, due %2 — after this task starts (%3).</source>
        <translation>「%1」（期限 %2）を待っています。このタスクの開始日（%3）より後に終わる予定です。</translation>
    </message>
    <message>
        <source>Waits for “%1”, due %2 — after this task is due (%3).</source>
        <translation>「%1」（期限 %2）を待っています。このタスクの期限（%3）より後に終わる予定です。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>Late</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1・%2</translation>
    </message>
    <message numerus="yes">
        <source>No activity for %n day(s).</source>
        <translation>
            <numerusform>%n日間、更新履歴がありません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forecast late</source>
        <translation>期限超過の見込み</translation>
    </message>
    <message>
        <source>Slipped</source>
        <translation>期限延期</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>Nobody owns this task.</source>
        <translation>このタスクには担当者がいません。</translation>
    </message>
    <message>
        <source>Flagged by %1: %2</source>
        <translation>%1 がフラグを設定：%2</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: was due %n day(s) ago.</source>
        <translation>
            <numerusform>期限超過：期限を%n日過ぎています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Behind schedule: %1% done with %2% of the time used.</source>
        <translation>遅れ気味：期間の %2% が経過しましたが、進捗は %1% です。</translation>
    </message>
    <message>
        <source>At %1&apos;s recent pace it would be done around %2, after its due date.</source>
        <translation>%1 の最近のペースでは、完了は %2 ごろになり、期限に間に合わない見込みです。</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>停滞</translation>
    </message>
</context>
<context>
    <name>SendHandoffDialog</name>
    <message>
        <source>%1 is in %2 too: within one team that is a reassignment, not a handoff. Change the task&apos;s owner instead.</source>
        <translation>%1 も %2 のメンバーです。同じチーム内での受け渡しは引き継ぎではなく担当替えです。タスクの担当者を変更してください。</translation>
    </message>
    <message>
        <source>%1 of %2 items provided</source>
        <translation>%2項目中%1項目入力済み</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Anything the receiver should know that the packet does not say.</source>
        <translation>引き継ぎ情報に含まれていない、引き継ぎ先に伝えておくべきこと。</translation>
    </message>
    <message>
        <source>Choose who takes it over…</source>
        <translation>引き継ぎ先を選択…</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>From %1 (%2)</source>
        <translation>%1（%2）から</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 から %2 へ</translation>
    </message>
    <message>
        <source>Hand off</source>
        <translation>引き継ぐ</translation>
    </message>
    <message>
        <source>Hand off — %1 items missing</source>
        <translation>引き継ぐ（未記入%1項目）</translation>
    </message>
    <message>
        <source>Hand off — 1 item missing</source>
        <translation>引き継ぐ（未記入1項目）</translation>
    </message>
    <message>
        <source>Hand off “%1”</source>
        <translation>「%1」を引き継ぐ</translation>
    </message>
    <message>
        <source>Information packet</source>
        <translation>引き継ぎ情報</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>メモが長すぎます。%1文字以内にしてください。</translation>
    </message>
    <message>
        <source>This board has no handoff templates.</source>
        <translation>このボードには引き継ぎテンプレートがありません。</translation>
    </message>
    <message>
        <source>This task is already waiting for a handoff to %1 to be accepted or returned.</source>
        <translation>このタスクは、%1 への引き継ぎの引き受けまたは差し戻しを待っています。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>引き継ぎ先</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>%1 へ</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未記入</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>provided</source>
        <translation>入力済み</translation>
    </message>
    <message>
        <source>to be acknowledged the same day</source>
        <translation>当日中に受領</translation>
    </message>
    <message>
        <source>to be acknowledged within %1 business days</source>
        <translation>%1営業日以内に受領</translation>
    </message>
    <message>
        <source>to be acknowledged within 1 business day</source>
        <translation>1営業日以内に受領</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>+ Add task: add the card / cancel</source>
        <translation>＋タスクを追加：カードを追加 / キャンセル</translation>
    </message>
    <message>
        <source>Cancel a drag</source>
        <translation>ドラッグを取り消す</translation>
    </message>
    <message>
        <source>Cards on the board</source>
        <translation>ボードのカード</translation>
    </message>
    <message>
        <source>Chain: previous / next handoff</source>
        <translation>引き継ぎの流れ：前 / 次の引き継ぎ</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+ホイール</translation>
    </message>
    <message>
        <source>Dark or light theme</source>
        <translation>ダーク / ライトテーマ</translation>
    </message>
    <message>
        <source>Edit the card</source>
        <translation>カードを編集</translation>
    </message>
    <message>
        <source>Edit the task</source>
        <translation>タスクを編集</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter、ダブルクリック</translation>
    </message>
    <message>
        <source>First / last card</source>
        <translation>最初 / 最後のカード</translation>
    </message>
    <message>
        <source>First / last slide</source>
        <translation>最初 / 最後のスライド</translation>
    </message>
    <message>
        <source>Handoffs tab</source>
        <translation>引き継ぎタブ</translation>
    </message>
    <message>
        <source>Leave the standup</source>
        <translation>朝会を終了</translation>
    </message>
    <message>
        <source>Matrix: show the handoffs between the two teams</source>
        <translation>マトリクス：2 チーム間の引き継ぎを表示</translation>
    </message>
    <message>
        <source>Move between cards</source>
        <translation>カード間を移動</translation>
    </message>
    <message>
        <source>Move on by itself when a team&apos;s time is up (on / off)</source>
        <translation>チームの持ち時間が過ぎたら自動で次へ（オン / オフ）</translation>
    </message>
    <message>
        <source>Move the card to the previous / next column</source>
        <translation>カードを前 / 次の列へ移動</translation>
    </message>
    <message>
        <source>Move the card up / down (or to the lane above / below)</source>
        <translation>カードを上 / 下へ移動（または上 / 下のレーンへ）</translation>
    </message>
    <message>
        <source>Right-click, Menu key, Shift+F10</source>
        <translation>右クリック、メニューキー、Shift+F10</translation>
    </message>
    <message>
        <source>+ Add task in the current card&apos;s column and lane</source>
        <translation>現在のカードの列とレーンで＋タスクを追加</translation>
    </message>
    <message>
        <source>Fold the current card&apos;s lane / unfold every lane</source>
        <translation>現在のカードのレーンを折りたたむ／すべてのレーンを開く</translation>
    </message>
    <message>
        <source>Unscheduled list: open the task to give it dates</source>
        <translation>日程未設定の一覧：タスクを開いて日付を設定</translation>
    </message>
    <message>
        <source>→, Enter</source>
        <translation>→、Enter</translation>
    </message>
    <message>
        <source>Next slide</source>
        <translation>次のスライド</translation>
    </message>
    <message>
        <source>←, Backspace</source>
        <translation>←、Backspace</translation>
    </message>
    <message>
        <source>↓, PgDown, click</source>
        <translation>↓、PgDown、クリック</translation>
    </message>
    <message>
        <source>More of each long section, then the next slide</source>
        <translation>長いセクションの続きを表示（最後まで表示したら次のスライドへ）</translation>
    </message>
    <message>
        <source>↑, PgUp, right-click</source>
        <translation>↑、PgUp、右クリック</translation>
    </message>
    <message>
        <source>Back through a section&apos;s lines, then the previous slide</source>
        <translation>セクションの前の項目に戻る（先頭なら前のスライドへ）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Pause or resume the team&apos;s timer</source>
        <translation>チームのタイマーを一時停止 / 再開</translation>
    </message>
    <message>
        <source>Previous / next task</source>
        <translation>前 / 次のタスク</translation>
    </message>
    <message>
        <source>Previous slide</source>
        <translation>前のスライド</translation>
    </message>
    <message>
        <source>Record the standup as held</source>
        <translation>朝会の実施を記録</translation>
    </message>
    <message>
        <source>Scroll in time</source>
        <translation>時間軸をスクロール</translation>
    </message>
    <message>
        <source>Scroll to today</source>
        <translation>今日へスクロール</translation>
    </message>
    <message>
        <source>Shift+wheel</source>
        <translation>Shift+ホイール</translation>
    </message>
    <message>
        <source>Standup</source>
        <translation>朝会</translation>
    </message>
    <message>
        <source>The card&apos;s menu: hand off, handoffs, archive</source>
        <translation>カードのメニュー：引き継ぐ、引き継ぎ一覧、アーカイブ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Zoom around the mouse pointer</source>
        <translation>マウスポインターを中心にズーム</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>拡大 / 縮小</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>No command or key matches the search.</source>
        <translation>検索に一致するコマンドやキーはありません。</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>コマンドやキーを検索</translation>
    </message>
</context>
<context>
    <name>SlipSection</name>
    <message>
        <source>Due date moved</source>
        <translation>期限の変更</translation>
    </message>
    <message>
        <source>Re-baseline</source>
        <translation>基準日を更新</translation>
    </message>
    <message>
        <source>Commit to the current due date: the task is no longer counted as slipped, and later moves count from this date. Its history keeps every move.</source>
        <translation>現在の期限を新しい基準日にします。このタスクは期限延期として数えられなくなり、今後の変更はこの日から数えます。これまでの変更は履歴に残ります。</translation>
    </message>
</context>
<context>
    <name>Slips</name>
    <message>
        <source>First due %1</source>
        <translation>当初の期限 %1</translation>
    </message>
    <message numerus="yes">
        <source>moved %n time(s)</source>
        <translation>
            <numerusform>%n回変更</numerusform>
        </translation>
    </message>
    <message>
        <source>now without a due date</source>
        <translation>現在は期限なし</translation>
    </message>
    <message numerus="yes">
        <source>now %n day(s) later</source>
        <translation>
            <numerusform>現在は%n日遅い</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now %n day(s) earlier</source>
        <translation>
            <numerusform>現在は%n日早い</numerusform>
        </translation>
    </message>
    <message>
        <source>back on its first date</source>
        <translation>当初の期限に戻っています</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>Standup</name>
    <message>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>リスクあり</translation>
    </message>
    <message>
        <source>Auto-advance on</source>
        <translation>自動送り オン</translation>
    </message>
    <message>
        <source>Finished since yesterday</source>
        <translation>昨日からの完了</translation>
    </message>
    <message>
        <source>Finished since %1</source>
        <translation>%1 以降の完了</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック中</translation>
    </message>
    <message>
        <source>← → slide · ↓ ↑ more · Space pause · A auto · T theme · H held · Esc leave</source>
        <translation>← → スライド&#x3000;↓ ↑ 続き&#x3000;Space 一時停止&#x3000;A 自動送り&#x3000;T テーマ&#x3000;H 実施記録&#x3000;Esc 終了</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%3件中%1〜%2件目</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2件中%1件目</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1（%2件）</translation>
    </message>
    <message>
        <source>Deadline %1 → %2</source>
        <translation>期限 %1 → %2</translation>
    </message>
    <message>
        <source>now with %1</source>
        <translation>現在の担当：%1</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日が期限</translation>
    </message>
    <message>
        <source>End of the agenda</source>
        <translation>全議題終了</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Handed to %1</source>
        <translation>%1へ引き継ぎ</translation>
    </message>
    <message>
        <source>Mark standup held (H)</source>
        <translation>朝会の実施を記録（H）</translation>
    </message>
    <message>
        <source>Moved → %1</source>
        <translation>移動 → %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>No changes, nothing due, nobody blocked.</source>
        <translation>変更・期限・ブロック中のタスクはありません。</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Nothing started</source>
        <translation>着手中のタスクなし</translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation>報告事項なし</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>全体概要</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Press H or the button to record that the standup was held.</source>
        <translation>H キーまたはボタンを押して、朝会の実施を記録してください。</translation>
    </message>
    <message>
        <source>Received from %1</source>
        <translation>%1から引き継ぎ</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>%1以降</translation>
    </message>
    <message>
        <source>Since last standup</source>
        <translation>前回の朝会以降</translation>
    </message>
    <message>
        <source>Since this time yesterday</source>
        <translation>昨日の同時刻以降</translation>
    </message>
    <message>
        <source>Standup</source>
        <translation>朝会</translation>
    </message>
    <message>
        <source>Standup held at %1.</source>
        <translation>朝会を%1に実施しました。</translation>
    </message>
    <message>
        <source>Team %1 of %2</source>
        <translation>チーム %1/%2</translation>
    </message>
    <message>
        <source>Thank you, everyone</source>
        <translation>ありがとうございました</translation>
    </message>
    <message>
        <source>That&apos;s the standup</source>
        <translation>朝会は以上です</translation>
    </message>
    <message>
        <source>The weeks around today</source>
        <translation>今日の前後数週間</translation>
    </message>
    <message>
        <source>The whole board</source>
        <translation>ボード全体</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Time&apos;s up</source>
        <translation>時間切れ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>%1待ち</translation>
    </message>
    <message>
        <source>Waiting for us</source>
        <translation>自チームの対応待ち</translation>
    </message>
    <message>
        <source>Who is doing what</source>
        <translation>メンバー別の作業</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1から</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>%1の完了待ち</translation>
    </message>
    <message>
        <source>slide %1 of %2</source>
        <translation>スライド %1/%2</translation>
    </message>
</context>
<context>
    <name>StandupOrderDialog</name>
    <message>
        <source>Drag the teams into the order the standup walks through them, or move the chosen team with Move up and Move down (Alt+↑, Alt+↓).</source>
        <translation>朝会で扱う順にチームをドラッグして並べ替えるか、選んだチームを「上へ」「下へ」（Alt+↑、Alt+↓）で移動してください。</translation>
    </message>
    <message>
        <source>Teams in standup order</source>
        <translation>朝会で話す順のチーム</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ(&amp;D)</translation>
    </message>
    <message>
        <source>Standup order</source>
        <translation>朝会の順番</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Backlog</source>
        <translation>バックログ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待ち</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Board: %1</source>
        <translation>ボード：%1</translation>
    </message>
    <message>
        <source>Click to try again now.</source>
        <translation>クリックすると今すぐ再接続します。</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>Connected · synced %1</source>
        <translation>接続中（%1に同期）</translation>
    </message>
    <message>
        <source>Edits are not saved until the connection is back.</source>
        <translation>接続が回復するまで編集内容は保存されません。</translation>
    </message>
    <message>
        <source>Last in step with the board: %1</source>
        <translation>ボードとの最終同期：%1</translation>
    </message>
    <message>
        <source>Last problem (%1): %2</source>
        <translation>直近の問題（%1）：%2</translation>
    </message>
    <message>
        <source>Offline — changes cannot be saved</source>
        <translation>オフライン：変更を保存できません</translation>
    </message>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation>再接続中…（%1回目）</translation>
    </message>
    <message>
        <source>Renkei keeps trying every few seconds; edits cannot be saved until then.</source>
        <translation>Renkei は数秒ごとに再接続を試みます。それまで編集内容は保存できません。</translation>
    </message>
    <message>
        <source>Sharing status</source>
        <translation>同期状態</translation>
    </message>
    <message>
        <source>next try in %1 s</source>
        <translation>%1秒後に再試行</translation>
    </message>
</context>
<context>
    <name>TaskDetailPane</name>
    <message>
        <source>&lt;b&gt;Blocked by:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;ブロック元：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>リスクあり</translation>
    </message>
    <message>
        <source>Change this task</source>
        <translation>このタスクを変更</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>依存関係</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Task details</source>
        <translation>タスクの詳細</translation>
    </message>
    <message>
        <source>Needed by: %1</source>
        <translation>後続タスク：%1</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>変更履歴はありません。</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Select a card to see who owns it, what is at risk and its history.</source>
        <translation>カードを選択すると、担当者、リスク、履歴が表示されます。</translation>
    </message>
    <message>
        <source>Waited for (finished): %1</source>
        <translation>先行タスク（完了済み）：%1</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>%1%完了</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source> h</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>タイトルを入力してください。</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>タスクを追加</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>リスクあり</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Chosen only</source>
        <translation>選択済みのみ</translation>
    </message>
    <message>
        <source>Context the next team needs: what was agreed, what is missing, whom to ask.</source>
        <translation>次のチームに必要な背景：合意した内容、足りない情報、誰に確認すればよいか。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>タスクを編集</translation>
    </message>
    <message>
        <source>Flag as at risk</source>
        <translation>リスクありのフラグを付ける</translation>
    </message>
    <message>
        <source>Flagged by %1 on %2.</source>
        <translation>%2に%1がフラグを付けました。</translation>
    </message>
    <message>
        <source>Hours of work; 0 means no estimate</source>
        <translation>作業時間（時間単位）。0 は見積もりなし</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新しいタスク</translation>
    </message>
    <message>
        <source>Not saved — the board could not be reached: %1</source>
        <translation>保存されていません。ボードに接続できませんでした：%1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Say why the task is at risk, or untick “Flag as at risk”.</source>
        <translation>リスクがある理由を入力するか、「リスクありのフラグを付ける」のチェックを外してください。</translation>
    </message>
    <message>
        <source>Search tasks…</source>
        <translation>タスクを検索…</translation>
    </message>
    <message>
        <source>Someone else changed this task while you were editing it: %1. Save again to replace their change with yours, or Cancel to keep theirs.</source>
        <translation>編集中に他のメンバーがこのタスクを変更しました：%1。もう一度「保存」すると相手の変更をあなたの変更で上書きします。「キャンセル」すると相手の変更が残ります。</translation>
    </message>
    <message>
        <source>The at-risk reason holds a character that cannot be saved (a control code).</source>
        <translation>リスクの理由に保存できない文字（制御文字）が含まれています。</translation>
    </message>
    <message>
        <source>The at-risk reason is too long: at most %1 characters.</source>
        <translation>リスクの理由が長すぎます（最大%1文字）。</translation>
    </message>
    <message>
        <source>The description holds a character that cannot be saved (a control code).</source>
        <translation>説明に保存できない文字（制御文字）が含まれています。</translation>
    </message>
    <message>
        <source>The description is too long: at most %1 characters.</source>
        <translation>説明が長すぎます（最大%1文字）。</translation>
    </message>
    <message>
        <source>The due date is before the start date.</source>
        <translation>期限が開始日より前になっています。</translation>
    </message>
    <message>
        <source>The tag “%1” holds a character that cannot be saved.</source>
        <translation>タグ「%1」に保存できない文字が含まれています。</translation>
    </message>
    <message>
        <source>The tag “%1…” is too long: at most %2 characters.</source>
        <translation>タグ「%1…」が長すぎます（最大%2文字）。</translation>
    </message>
    <message>
        <source>The task has a due date</source>
        <translation>タスクに期限を設定する</translation>
    </message>
    <message>
        <source>The task has a start date</source>
        <translation>タスクに開始日を設定する</translation>
    </message>
    <message>
        <source>The title holds a character that cannot be saved (a control code).</source>
        <translation>タイトルに保存できない文字（制御文字）が含まれています。</translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2.</source>
        <translation>タイトルが長すぎます：%1文字（最大%2文字）。</translation>
    </message>
    <message>
        <source>Too many tags: %1, at most %2.</source>
        <translation>タグが多すぎます：%1個（最大%2個）。</translation>
    </message>
    <message>
        <source>Waits for (finish before this starts)</source>
        <translation>先行タスク（このタスクの開始前に完了が必要）</translation>
    </message>
    <message>
        <source>Waits for nothing.</source>
        <translation>先行タスクはありません。</translation>
    </message>
    <message>
        <source>Waits for %1: %2</source>
        <translation>先行タスク%1件：%2</translation>
    </message>
    <message>
        <source>What needs doing?</source>
        <translation>やるべきことを入力</translation>
    </message>
    <message>
        <source>Why the task is at risk</source>
        <translation>タスクにリスクがある理由</translation>
    </message>
    <message>
        <source>Why? e.g. the customer&apos;s budget owner changed</source>
        <translation>理由（例：顧客の予算決裁者が交代した）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. webinar, handoff</source>
        <translation>「、」またはカンマ区切り（例：ウェビナー、引き継ぎ）</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>見積もりなし</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>不明なメンバー</translation>
    </message>
    <message>
        <source>%1 is now “%2”</source>
        <translation>%1は現在「%2」</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Search tasks to wait for</source>
        <translation>先行タスクを検索</translation>
    </message>
    <message>
        <source>Tasks this one waits for</source>
        <translation>先行タスク</translation>
    </message>
</context>
<context>
    <name>TaskHandoffsSection</name>
    <message>
        <source>Handoffs</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>No handoff record</source>
        <translation>引き継ぎの記録なし</translation>
    </message>
    <message>
        <source>Sent without: %1</source>
        <translation>未記入のまま引き継ぎ：%1</translation>
    </message>
    <message>
        <source>Show on the Handoffs tab</source>
        <translation>引き継ぎタブで表示</translation>
    </message>
    <message>
        <source>acknowledged after %1</source>
        <translation>%1 後に受領</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>待ち %1</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message numerus="yes">
        <source> business day(s)</source>
        <translation>
            <numerusform>営業日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1（新規）</translation>
    </message>
    <message>
        <source>A template called “%1” already exists.</source>
        <translation>「%1」というテンプレートはすでに存在します。</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>受領期限</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Could not save the template: %1</source>
        <translation>テンプレートを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to “%1”?</source>
        <translation>「%1」への未保存の変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Edit handoff template</source>
        <translation>引き継ぎテンプレートを編集</translation>
    </message>
    <message>
        <source>From team</source>
        <translation>引き継ぎ元チーム</translation>
    </message>
    <message>
        <source>Handoff templates</source>
        <translation>引き継ぎテンプレート</translation>
    </message>
    <message>
        <source>How soon the receiver must acknowledge it; weekends do not count.</source>
        <translation>引き継ぎ先が受領するまでの期限です。週末は数えません。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Name at least one item.</source>
        <translation>項目を1つ以上入力してください。</translation>
    </message>
    <message>
        <source>Name of the new template (a short key, e.g. renewal):</source>
        <translation>新しいテンプレートの名前（短いキー。例：renewal）：</translation>
    </message>
    <message>
        <source>New handoff template</source>
        <translation>新しい引き継ぎテンプレート</translation>
    </message>
    <message>
        <source>New template…</source>
        <translation>新しいテンプレート…</translation>
    </message>
    <message>
        <source>One item per line, e.g. budget</source>
        <translation>1行に1項目（例：予算）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Team names pick this kind when handing off: “Sales” fits Inside Sales and Field Sales.</source>
        <translation>引き継ぐときは、チーム名によってこのテンプレートが選ばれます。たとえば「Sales」は Inside Sales にも Field Sales にも一致します。</translation>
    </message>
    <message>
        <source>The %1 is too long.</source>
        <translation>%1が長すぎます。</translation>
    </message>
    <message>
        <source>The item name “%1…” is too long: at most %2 characters.</source>
        <translation>項目名「%1…」が長すぎます（最大%2文字）。</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>名前が長すぎます（最大%1文字）。</translation>
    </message>
    <message>
        <source>To team</source>
        <translation>引き継ぎ先チーム</translation>
    </message>
    <message>
        <source>any team</source>
        <translation>すべてのチーム</translation>
    </message>
    <message>
        <source>from team</source>
        <translation>引き継ぎ元チーム</translation>
    </message>
    <message>
        <source>label</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>to team</source>
        <translation>引き継ぎ先チーム</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>%1% done</source>
        <translation>%1% 完了</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>依存関係を追加</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>プロジェクト別</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>チーム別</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>クリティカルパス</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Drag a task onto the chart to give it dates.</source>
        <translation>タスクをチャートにドラッグして日付を設定します。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Fit to selection</source>
        <translation>選択範囲に合わせる</translation>
    </message>
    <message>
        <source>Handed to %1 on %2 — %3</source>
        <translation>%2に%1へ引き継ぎ：%3</translation>
    </message>
    <message>
        <source>Handed to %1 on %2 — waiting: not acknowledged yet</source>
        <translation>%2に%1へ引き継ぎ（まだ受領されていません）</translation>
    </message>
    <message>
        <source>Milestone: %1</source>
        <translation>マイルストーン：%1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Unscheduled (%1)</source>
        <translation>日程未設定（%1）</translation>
    </message>
    <message>
        <source>Show or hide the tasks without dates</source>
        <translation>日付のないタスクを表示・非表示</translation>
    </message>
    <message>
        <source>Timeline tools</source>
        <translation>タイムラインのツール</translation>
    </message>
    <message>
        <source>Group rows</source>
        <translation>行のまとめ方</translation>
    </message>
    <message>
        <source>Unscheduled tasks</source>
        <translation>日程未設定のタスク</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Move task</source>
        <translation>タスクを移動</translation>
    </message>
    <message>
        <source>Move task and what waits for it</source>
        <translation>タスクと後続タスクを移動</translation>
    </message>
    <message>
        <source>Move the tasks that wait for it?</source>
        <translation>後続タスクも移動しますか？</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>グループなし</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>No task with dates to show.</source>
        <translation>表示できる日付付きのタスクはありません。</translation>
    </message>
    <message>
        <source>milestone %1</source>
        <translation>マイルストーン：%1</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>クリティカルパス上</translation>
    </message>
    <message>
        <source>Select the bar</source>
        <translation>バーを選択</translation>
    </message>
    <message>
        <source>Outline the chain of dependent tasks that decides when the work finishes</source>
        <translation>作業の完了時期を左右する、依存し合うタスクの連なりを強調表示します</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当者：%1</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>四半期</translation>
    </message>
    <message>
        <source>Schedule task</source>
        <translation>タスクの日程を設定</translation>
    </message>
    <message>
        <source>Scroll to today (Ctrl+T)</source>
        <translation>今日へスクロール（Ctrl+T）</translation>
    </message>
    <message numerus="yes">
        <source>Starts before “%1” ends (%n day(s) overlap)</source>
        <translation>
            <numerusform>「%1」の終了前に開始（%n日重複）</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks with dates: %1</source>
        <translation>日付ありのタスク：%1件</translation>
    </message>
    <message>
        <source>These tasks wait for this one and would now start before it ends:

%1

Move them later by just enough, keeping their length?</source>
        <translation>次のタスクはこのタスクを待っていますが、このままではこのタスクの終了前に開始することになります：

%1

期間を保ったまま、必要な分だけ後ろにずらしますか？</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Unscheduled (%1): drag onto the chart</source>
        <translation>日程未設定（%1）：チャートへドラッグ</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>第%1週</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>第%1週</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>クリティカル</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1（%2日）</translation>
    </message>
    <message>
        <source>“%1” will wait for this task</source>
        <translation>「%1」はこのタスクの完了を待ちます</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… ほか%1件</translation>
    </message>
    <message>
        <source>Forecast: done %1</source>
        <translation>完了予測 %1</translation>
    </message>
    <message>
        <source>late</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>間に合う</translation>
    </message>
    <message>
        <source>%1 · due %2, %3</source>
        <translation>%1・期限 %2（%3）</translation>
    </message>
</context>
<context>
    <name>TimelineReport</name>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（続き）</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>リスクあり</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>日程矛盾</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>マイルストーン</translation>
    </message>
    <message>
        <source>No tasks with dates.</source>
        <translation>日付が設定されたタスクはありません。</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>チームなし</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Timeline · %1</source>
        <translation>タイムライン&#x3000;%1</translation>
    </message>
    <message>
        <source>Timeline — part %1 of %2 · %3</source>
        <translation>タイムライン（%1/%2）&#x3000;%3</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source> · </source>
        <translation>／</translation>
    </message>
    <message>
        <source>  ·  </source>
        <translation>／</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a name and a note on it</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a word and the sentence on it</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>two clauses of a line</comment>
        <translation>%1&#x3000;%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
</context>
<context>
    <name>WriteRefusal</name>
    <message>
        <source>it is a folder; nothing was written. Give a file name.</source>
        <translation>フォルダーです。何も書き込んでいません。ファイル名を指定してください。</translation>
    </message>
    <message>
        <source>it is a read-only file; it was left as it is. Choose another name, or make the file writable first.</source>
        <translation>読み取り専用のファイルです。そのまま残しました。別の名前を選ぶか、先にファイルを書き込み可能にしてください。</translation>
    </message>
    <message>
        <source>it is a symbolic link that leads round in a loop; nothing was written.</source>
        <translation>シンボリックリンクが循環しています。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket); it was left as it is. Choose a file name.</source>
        <translation>通常のファイルではありません（デバイス、パイプまたはソケット）。そのまま残しました。ファイル名を指定してください。</translation>
    </message>
    <message>
        <source>the folder %1 does not exist; nothing was written.</source>
        <translation>フォルダー %1 がありません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>the folder %1 is read-only for you; nothing was written. Choose another folder.</source>
        <translation>フォルダー %1 には書き込む権限がありません。何も書き込んでいません。別のフォルダーを選んでください。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>使い方：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>バージョンを表示して終了</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: エラー：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>認識できない引数：%s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数が必要です：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のいずれかが必要です</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s とは一緒に使えません</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>値を1つ指定してください</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>値は1つまでです</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>値を1つ以上指定してください</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>あいまいなオプション：%(option)s は %(matches)s のどれにも当てはまります</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(type)s の値として無効です：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>無効な選択肢：%(value)r（%(choices)s から選んでください）</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>明示された引数 %r は無視されました</translation>
    </message>
</context>
</TS>
