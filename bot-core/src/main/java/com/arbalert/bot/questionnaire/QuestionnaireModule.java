package com.arbalert.bot.questionnaire;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.TextReplyHandler;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;

/**
 * The result questionnaire: its {@link CallbackHandler} for "q:", the {@link TextReplyHandler}
 * for the profit, /skip and /cancel, and the scheduler {@link Service}. Needs what
 * BetButtonModule binds plus a bound {@link QuestionnaireConfig}.
 */
public final class QuestionnaireModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(QuestionnaireTiming.class).in(Singleton.class);
        bind(QuestionnaireStore.class).in(Singleton.class);
        bind(QuestionnaireCallbackData.class).in(Singleton.class);
        bind(QuestionnaireMessages.class).in(Singleton.class);
        bind(QuestionnaireFlow.class).in(Singleton.class);
        bind(QuestionnaireButtonHandler.class).in(Singleton.class);
        bind(ProfitReplyHandler.class).in(Singleton.class);
        bind(SkipCommand.class).in(Singleton.class);
        bind(CancelCommand.class).in(Singleton.class);
        bind(QuestionnaireScheduler.class).in(Singleton.class);

        Multibinder.newSetBinder(binder(), CallbackHandler.class).addBinding().to(QuestionnaireButtonHandler.class);
        Multibinder.newSetBinder(binder(), TextReplyHandler.class).addBinding().to(ProfitReplyHandler.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(QuestionnaireScheduler.class);
        Multibinder.newSetBinder(binder(), ResultHook.class);
        MapBinder<String, CommandHandler> commands = MapBinder.newMapBinder(binder(), String.class, CommandHandler.class);
        commands.addBinding(SkipCommand.NAME).to(SkipCommand.class);
        commands.addBinding(CancelCommand.NAME).to(CancelCommand.class);
    }
}
